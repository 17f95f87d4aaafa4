package com.datawow.datalog.dimension;

/**
 * A batch with its names replaced by dimension ids: what the datalog writers take.
 * Timestamps as in {@link com.datawow.datalog.parquet.SensorLogBatch}.
 */
public record ResolvedBatch(long firstRow, long[] createAt, int[] productIds, int[] sensorIds, long[] productExpire) {

    public int size() {
        return createAt.length;
    }
}
