package com.datawow.datalog.parquet;

import com.datawow.datalog.quarantine.RowValues;

import java.util.Arrays;
import java.util.BitSet;
import java.util.stream.IntStream;

/**
 * A run of rows of one sensor-log file, column by column: the unit that travels through the
 * routes (one Exchange per batch, never per row). Timestamps are microseconds since
 * 1970-01-01T00:00 of the naive (not time-zoned) wall-clock time, PostgreSQL's precision.
 *
 * @param firstRow   1-based number, within the file, of the first row the batch was read from
 * @param rowNumbers the file row of each row once rows were set aside ({@link #without}); null while
 *                   the rows are consecutive from {@code firstRow}
 */
public record SensorLogBatch(long firstRow,
                             String[] departmentNames,
                             String[] sensorSerials,
                             long[] createAt,
                             String[] productNames,
                             long[] productExpire,
                             long[] rowNumbers) {

    /** Consecutive rows from {@code firstRow}. */
    public SensorLogBatch(long firstRow, String[] departmentNames, String[] sensorSerials, long[] createAt, String[] productNames,
                          long[] productExpire) {
        this(firstRow, departmentNames, sensorSerials, createAt, productNames, productExpire, null);
    }

    public int size() {
        return createAt.length;
    }

    /** The 1-based file row number of the batch's i-th row. */
    public long rowNumber(int i) {
        return rowNumbers == null ? firstRow + i : rowNumbers[i];
    }

    /** The i-th row's values as text. */
    public RowValues valuesOf(int i) {
        return valuesOf(i, false, false);
    }

    /** As {@link #valuesOf(int)}, with null timestamps where the file holds a null. */
    RowValues valuesOf(int i, boolean createAtIsNull, boolean productExpireIsNull) {
        return new RowValues(departmentNames[i], sensorSerials[i], createAtIsNull ? null : Timestamps.toText(createAt[i]),
                productNames[i], productExpireIsNull ? null : Timestamps.toText(productExpire[i]));
    }

    /** The batch without the rows set in {@code setAside}; it keeps its {@code firstRow} and knows each row's number. */
    public SensorLogBatch without(BitSet setAside) {
        int[] kept = IntStream.range(0, size()).filter(i -> !setAside.get(i)).toArray();
        return new SensorLogBatch(firstRow,
                Arrays.stream(kept).mapToObj(i -> departmentNames[i]).toArray(String[]::new),
                Arrays.stream(kept).mapToObj(i -> sensorSerials[i]).toArray(String[]::new),
                Arrays.stream(kept).mapToLong(i -> createAt[i]).toArray(),
                Arrays.stream(kept).mapToObj(i -> productNames[i]).toArray(String[]::new),
                Arrays.stream(kept).mapToLong(i -> productExpire[i]).toArray(),
                Arrays.stream(kept).mapToLong(this::rowNumber).toArray());
    }
}
