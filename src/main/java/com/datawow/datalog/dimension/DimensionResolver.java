package com.datawow.datalog.dimension;

import com.datawow.datalog.parquet.SensorLogBatch;

import java.util.HashMap;
import java.util.HashSet;
import java.util.Map;
import java.util.Set;

/**
 * Turns a batch's names into dimension ids: from the cache, and for the names it misses with
 * one get-or-create per dimension for the whole batch.
 */
public final class DimensionResolver {

    private final DimensionCache cache;
    private final DimensionUpserts upserts;

    public DimensionResolver(DimensionCache cache, DimensionUpserts upserts) {
        this.cache = cache;
        this.upserts = upserts;
    }

    /**
     * @throws SensorDepartmentConflictException when a row places a known sensor in another department
     */
    public ResolvedBatch resolve(String fileName, SensorLogBatch batch) {
        fetchMissingDepartments(batch);
        fetchMissingSensors(batch);
        fetchMissingProducts(batch);
        int size = batch.size();
        int[] sensorIds = new int[size];
        int[] productIds = new int[size];
        for (int i = 0; i < size; i++) {
            int departmentId = cache.department(batch.departmentNames()[i]);
            SensorRef sensor = cache.sensor(batch.sensorSerials()[i]);
            if (sensor.departmentId() != departmentId) {
                throw new SensorDepartmentConflictException(fileName, batch.rowNumber(i), batch.sensorSerials()[i],
                        batch.departmentNames()[i], String.valueOf(sensor.departmentId()));
            }
            sensorIds[i] = sensor.sensorId();
            productIds[i] = cache.product(batch.productNames()[i]);
        }
        return new ResolvedBatch(batch.firstRow(), batch.createAt(), productIds, sensorIds, batch.productExpire());
    }

    private void fetchMissingDepartments(SensorLogBatch batch) {
        Set<String> missing = new HashSet<>();
        for (String name : batch.departmentNames()) {
            if (cache.department(name) == null) {
                missing.add(name);
            }
        }
        if (!missing.isEmpty()) {
            upserts.departments(missing).forEach(cache::putDepartment);
        }
    }

    /** A new sensor is created in the department of its first row in the batch; later rows are checked against it. */
    private void fetchMissingSensors(SensorLogBatch batch) {
        Map<String, Integer> missing = new HashMap<>();
        for (int i = 0; i < batch.size(); i++) {
            String serial = batch.sensorSerials()[i];
            if (cache.sensor(serial) == null) {
                missing.putIfAbsent(serial, cache.department(batch.departmentNames()[i]));
            }
        }
        if (!missing.isEmpty()) {
            upserts.sensors(missing).forEach(cache::putSensor);
        }
    }

    private void fetchMissingProducts(SensorLogBatch batch) {
        Set<String> missing = new HashSet<>();
        for (String name : batch.productNames()) {
            if (cache.product(name) == null) {
                missing.add(name);
            }
        }
        if (!missing.isEmpty()) {
            upserts.products(missing).forEach(cache::putProduct);
        }
    }
}
