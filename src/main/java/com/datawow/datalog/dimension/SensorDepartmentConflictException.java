package com.datawow.datalog.dimension;

import com.datawow.datalog.failure.BadInputException;

import java.util.OptionalLong;

/**
 * A file places a sensor in a department other than the one it already belongs to. The rule
 * (first assignment wins, a later contradiction rejects the file) keeps sensor.department_id
 * stable, so history never silently moves between departments.
 */
public final class SensorDepartmentConflictException extends BadInputException {

    public SensorDepartmentConflictException(String file, long row, String serial, String fileDepartment, String knownDepartmentId) {
        super(file + " row " + row + ": " + problem(serial, fileDepartment, knownDepartmentId), OptionalLong.of(row), null);
    }

    /** What is wrong with the row, without the file and row. */
    static String problem(String serial, String fileDepartment, String knownDepartmentId) {
        return "sensor " + serial + " is placed in department '" + fileDepartment + "' but already belongs to department id " + knownDepartmentId;
    }

    @Override
    public String kind() {
        return "sensor-department";
    }
}
