package com.datawow.datalog.parquet;

/**
 * A run of consecutive rows of one sensor-log file, column by column: the unit that travels
 * through the routes (one Exchange per batch, never per row). Timestamps are microseconds since
 * 1970-01-01T00:00 of the naive (not time-zoned) wall-clock time, PostgreSQL's precision.
 *
 * @param firstRow 1-based number, within the file, of the batch's first row
 */
public record SensorLogBatch(long firstRow,
                             String[] departmentNames,
                             String[] sensorSerials,
                             long[] createAt,
                             String[] productNames,
                             long[] productExpire) {

    public int size() {
        return createAt.length;
    }

    /** The 1-based file row number of the batch's i-th row. */
    public long rowNumber(int i) {
        return firstRow + i;
    }
}
