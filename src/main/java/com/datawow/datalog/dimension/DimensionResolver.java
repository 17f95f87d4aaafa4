package com.datawow.datalog.dimension;

import com.datawow.datalog.parquet.SensorLogBatch;

/** Turns a batch's names into dimension ids: from the cache, and through the upserts on a miss. */
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
        int size = batch.size();
        int[] sensorIds = new int[size];
        int[] productIds = new int[size];
        for (int i = 0; i < size; i++) {
            int departmentId = departmentId(batch.departmentNames()[i]);
            SensorRef sensor = sensor(batch.sensorSerials()[i], departmentId);
            if (sensor.departmentId() != departmentId) {
                throw new SensorDepartmentConflictException(fileName, batch.rowNumber(i), batch.sensorSerials()[i],
                        batch.departmentNames()[i], String.valueOf(sensor.departmentId()));
            }
            sensorIds[i] = sensor.sensorId();
            productIds[i] = productId(batch.productNames()[i]);
        }
        return new ResolvedBatch(batch.firstRow(), batch.createAt(), productIds, sensorIds, batch.productExpire());
    }

    private int departmentId(String name) {
        Integer id = cache.department(name);
        if (id == null) {
            id = upserts.department(name);
            cache.putDepartment(name, id);
        }
        return id;
    }

    private SensorRef sensor(String serial, int departmentId) {
        SensorRef sensor = cache.sensor(serial);
        if (sensor == null) {
            sensor = upserts.sensor(serial, departmentId);
            cache.putSensor(serial, sensor);
        }
        return sensor;
    }

    private int productId(String name) {
        Integer id = cache.product(name);
        if (id == null) {
            id = upserts.product(name);
            cache.putProduct(name, id);
        }
        return id;
    }
}
