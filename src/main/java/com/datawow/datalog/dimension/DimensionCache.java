package com.datawow.datalog.dimension;

import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Dimension ids by natural key, so each name reaches the database once per daemon. Only ids
 * whose upsert has committed are put here (the upsert routes commit on their own), so a file
 * that rolls back never leaves an id the database does not have.
 */
public final class DimensionCache {

    private final Map<String, Integer> departments = new ConcurrentHashMap<>();
    private final Map<String, SensorRef> sensors = new ConcurrentHashMap<>();
    private final Map<String, Integer> products = new ConcurrentHashMap<>();

    public Integer department(String name) {
        return departments.get(name);
    }

    public SensorRef sensor(String serial) {
        return sensors.get(serial);
    }

    public Integer product(String name) {
        return products.get(name);
    }

    void putDepartment(String name, int id) {
        departments.put(name, id);
    }

    void putSensor(String serial, SensorRef sensor) {
        sensors.put(serial, sensor);
    }

    void putProduct(String name, int id) {
        products.put(name, id);
    }
}
