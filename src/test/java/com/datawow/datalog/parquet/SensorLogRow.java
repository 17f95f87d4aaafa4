package com.datawow.datalog.parquet;

import java.time.LocalDateTime;

/**
 * One row of a sensor-log file as a test writes it. Any value may be {@code null} (the fixture
 * then writes a Parquet null, so the column must be optional, which is the default).
 */
public record SensorLogRow(String departmentName,
                           String sensorSerial,
                           LocalDateTime createAt,
                           String productName,
                           LocalDateTime productExpire) {

    /** The value of the named sensor-log column, or {@code null} for a name that is not one. */
    Object value(String column) {
        return switch (column) {
            case "department_name" -> departmentName;
            case "sensor_serial" -> sensorSerial;
            case "create_at" -> createAt;
            case "product_name" -> productName;
            case "product_expire" -> productExpire;
            default -> null;
        };
    }

    public SensorLogRow withDepartmentName(String value) {
        return new SensorLogRow(value, sensorSerial, createAt, productName, productExpire);
    }

    public SensorLogRow withSensorSerial(String value) {
        return new SensorLogRow(departmentName, value, createAt, productName, productExpire);
    }

    public SensorLogRow withCreateAt(LocalDateTime value) {
        return new SensorLogRow(departmentName, sensorSerial, value, productName, productExpire);
    }

    public SensorLogRow withProductName(String value) {
        return new SensorLogRow(departmentName, sensorSerial, createAt, value, productExpire);
    }

    public SensorLogRow withProductExpire(LocalDateTime value) {
        return new SensorLogRow(departmentName, sensorSerial, createAt, productName, value);
    }
}
