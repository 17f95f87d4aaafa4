package com.datawow.datalog.dimension;

import com.datawow.datalog.parquet.SensorLogBatch;

import java.util.Arrays;
import java.util.BitSet;
import java.util.stream.IntStream;

/**
 * A batch with its names replaced by dimension ids: what the datalog writers take. Row i of the
 * ids is row i of {@code source}, whose timestamps (as in {@link SensorLogBatch}), row numbers and
 * values as text it shares.
 */
public record ResolvedBatch(SensorLogBatch source, int[] productIds, int[] sensorIds) {

    public int size() {
        return source.size();
    }

    /** The 1-based file row of the first row the batch was read from: the batch's identity within its file. */
    public long firstRow() {
        return source.firstRow();
    }

    public long[] createAt() {
        return source.createAt();
    }

    public long[] productExpire() {
        return source.productExpire();
    }

    /** The batch without the rows set in {@code setAside}. */
    public ResolvedBatch without(BitSet setAside) {
        int[] kept = IntStream.range(0, size()).filter(i -> !setAside.get(i)).toArray();
        return new ResolvedBatch(source.without(setAside),
                Arrays.stream(kept).map(i -> productIds[i]).toArray(),
                Arrays.stream(kept).map(i -> sensorIds[i]).toArray());
    }
}
