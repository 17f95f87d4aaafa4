package com.datawow.datalog.dimension;

/** A sensor's id and the department it belongs to. */
public record SensorRef(int sensorId, int departmentId) {
}
