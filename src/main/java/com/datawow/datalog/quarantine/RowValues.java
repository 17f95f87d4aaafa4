package com.datawow.datalog.quarantine;

import java.util.Arrays;
import java.util.List;

/**
 * A row's five values as text, as the file held them: {@code null} for a null value, timestamps as
 * {@code yyyy-MM-dd HH:mm:ss[.ffffff]} wall-clock time. A NUL character, which PostgreSQL's text
 * cannot hold, is written as the six characters {@code \u0000}.
 */
public record RowValues(String departmentName, String sensorSerial, String createAt, String productName, String productExpire) {

    private static final String NUL = "\u0000";
    private static final String NUL_AS_TEXT = "\\u0000";

    public RowValues {
        departmentName = storable(departmentName);
        sensorSerial = storable(sensorSerial);
        createAt = storable(createAt);
        productName = storable(productName);
        productExpire = storable(productExpire);
    }

    /** In the column order of the sensor-log files (nulls included). */
    public List<String> inFileOrder() {
        return Arrays.asList(departmentName, sensorSerial, createAt, productName, productExpire);
    }

    private static String storable(String value) {
        return value == null || !value.contains(NUL) ? value : value.replace(NUL, NUL_AS_TEXT);
    }
}
