package com.datawow.datalog.dimension;

/**
 * Get-or-create of dimension rows, each committed on its own before it returns (in the daemon:
 * the {@code upsert-*} routes, REQUIRES_NEW transactions).
 */
public interface DimensionUpserts {

    int department(String name);

    /** The sensor as stored: a new one is created in {@code departmentId}; an existing one keeps its own. */
    SensorRef sensor(String serial, int departmentId);

    int product(String name);
}
