package com.datawow.datalog.write;

import com.datawow.datalog.dimension.ResolvedBatch;
import com.datawow.datalog.parquet.Timestamps;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/** A batch as the named parameters of {@code sql/insert-datalog.sql}, for the camel-sql batch writer. */
public final class DatalogRows {

    private DatalogRows() {
    }

    public static List<Map<String, Object>> of(ResolvedBatch batch, int fileId) {
        List<Map<String, Object>> rows = new ArrayList<>(batch.size());
        for (int i = 0; i < batch.size(); i++) {
            rows.add(Map.of(
                    "createAt", Timestamps.toLocalDateTime(batch.createAt()[i]),
                    "productId", batch.productIds()[i],
                    "sensorId", batch.sensorIds()[i],
                    "productExpire", Timestamps.toLocalDateTime(batch.productExpire()[i]),
                    "fileId", fileId));
        }
        return rows;
    }
}
