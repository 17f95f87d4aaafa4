package com.datawow.datalog.dimension;

import com.datawow.datalog.failure.ConflictException;
import com.datawow.datalog.parquet.SensorLogBatch;
import com.datawow.datalog.quarantine.BadRows;
import com.datawow.datalog.quarantine.RejectedRow;
import com.datawow.datalog.quarantine.RowRule;

import java.util.BitSet;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.Map;
import java.util.Set;

/**
 * A batch on its way from names to ids (the body of {@code resolve-dimensions}): first every id
 * the caches have, then, for the names they miss, the ids the upsert routes return. A row that
 * places a known sensor in another department goes to the file's {@link BadRows}: it rejects the
 * file, or is set aside and left out of the resolved batch.
 */
public final class BatchIds {

    private static final int MISSING = Integer.MIN_VALUE;

    private final String fileName;
    private final SensorLogBatch batch;
    private final Dimensions dimensions;
    private final BadRows badRows;
    private final int[] departmentIds;
    private final int[] sensorIds;
    private final int[] productIds;
    private final Set<String> missingDepartments = new LinkedHashSet<>();
    private final Set<String> missingProducts = new LinkedHashSet<>();
    private boolean sensorsMissing;
    private Map<String, Integer> missingSensors;
    private BitSet setAside;

    /** Looks every name up in the caches; a known sensor placed in another known department is a bad row at once. */
    BatchIds(String fileName, SensorLogBatch batch, Dimensions dimensions, BadRows badRows) {
        this.fileName = fileName;
        this.batch = batch;
        this.dimensions = dimensions;
        this.badRows = badRows;
        int size = batch.size();
        departmentIds = new int[size];
        sensorIds = new int[size];
        productIds = new int[size];
        for (int i = 0; i < size; i++) {
            departmentIds[i] = idOrMissing(dimensions.departments().idOf(batch.departmentNames()[i]), batch.departmentNames()[i], missingDepartments);
            productIds[i] = idOrMissing(dimensions.products().idOf(batch.productNames()[i]), batch.productNames()[i], missingProducts);
            SensorRef sensor = dimensions.sensors().of(batch.sensorSerials()[i]);
            if (sensor == null) {
                sensorIds[i] = MISSING;
                sensorsMissing = true;
            } else {
                sensorIds[i] = sensor.sensorId();
                if (departmentIds[i] != MISSING) {
                    requireSameDepartment(i, sensor, departmentIds[i]);
                }
            }
        }
    }

    public boolean missesDepartments() {
        return !missingDepartments.isEmpty();
    }

    public String[] missingDepartmentNames() {
        return missingDepartments.toArray(String[]::new);
    }

    public boolean missesSensors() {
        return sensorsMissing;
    }

    /** The serials the cache misses; asked once the departments are all cached. */
    public String[] missingSensorSerials() {
        return missingSensors().keySet().toArray(String[]::new);
    }

    /** For each of {@link #missingSensorSerials()}, the department of its first row: where a new sensor is placed. */
    public Integer[] departmentsOfMissingSensors() {
        return missingSensors().values().toArray(Integer[]::new);
    }

    public boolean missesProducts() {
        return !missingProducts.isEmpty();
    }

    public String[] missingProductNames() {
        return missingProducts.toArray(String[]::new);
    }

    /**
     * The batch with ids, once the upserts have filled the caches.
     *
     * @throws SensorDepartmentConflictException in reject-file mode, if a row places a sensor in another department than its own
     * @throws ConflictException if a name is still not cached: another loader inserted it after the upsert's snapshot
     */
    ResolvedBatch resolved() {
        if (missesDepartments() || sensorsMissing || missesProducts()) {
            for (int i = 0; i < batch.size(); i++) {
                if (isSetAside(i)) {
                    continue;
                }
                departmentIds[i] = known(departmentIds[i], dimensions.departments().idOf(batch.departmentNames()[i]), batch.departmentNames()[i]);
                productIds[i] = known(productIds[i], dimensions.products().idOf(batch.productNames()[i]), batch.productNames()[i]);
                if (sensorIds[i] == MISSING) {
                    SensorRef sensor = dimensions.sensors().of(batch.sensorSerials()[i]);
                    sensorIds[i] = known(MISSING, sensor == null ? null : sensor.sensorId(), batch.sensorSerials()[i]);
                    requireSameDepartment(i, sensor, departmentIds[i]);
                } else if (missingDepartments.contains(batch.departmentNames()[i])) {
                    requireSameDepartment(i, dimensions.sensors().of(batch.sensorSerials()[i]), departmentIds[i]);
                }
            }
        }
        ResolvedBatch resolved = new ResolvedBatch(batch, productIds, sensorIds);
        return setAside == null ? resolved : resolved.without(setAside);
    }

    private Map<String, Integer> missingSensors() {
        if (missingSensors == null) {
            missingSensors = new LinkedHashMap<>();
            for (int i = 0; i < batch.size(); i++) {
                if (sensorIds[i] == MISSING) {
                    missingSensors.putIfAbsent(batch.sensorSerials()[i], dimensions.departments().idOf(batch.departmentNames()[i]));
                }
            }
        }
        return missingSensors;
    }

    private void requireSameDepartment(int i, SensorRef sensor, int departmentId) {
        if (sensor.departmentId() != departmentId) {
            long row = batch.rowNumber(i);
            String serial = batch.sensorSerials()[i];
            String department = batch.departmentNames()[i];
            String knownDepartment = String.valueOf(sensor.departmentId());
            badRows.found(new RejectedRow(row, RowRule.SENSOR_DEPARTMENT,
                            SensorDepartmentConflictException.problem(serial, department, knownDepartment), batch.valuesOf(i)),
                    () -> new SensorDepartmentConflictException(fileName, row, serial, department, knownDepartment));
            if (setAside == null) {
                setAside = new BitSet(batch.size());
            }
            setAside.set(i);
        }
    }

    private boolean isSetAside(int i) {
        return setAside != null && setAside.get(i);
    }

    private static int idOrMissing(Integer id, String name, Set<String> missing) {
        if (id == null) {
            missing.add(name);
            return MISSING;
        }
        return id;
    }

    private static int known(int current, Integer cached, String key) {
        if (current != MISSING) {
            return current;
        }
        if (cached == null) {
            throw new ConflictException("'" + key + "' was inserted by another loader after this one's upsert looked; trying again");
        }
        return cached;
    }
}
