package com.datawow.datalog.write;

import com.datawow.datalog.dimension.ResolvedBatch;
import com.datawow.datalog.parquet.Timestamps;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/** A batch as the named parameters of {@link #insertInto}, for the camel-sql batch writer. */
public final class DatalogRows {

    /** The columns both writers fill, in the order they write them. */
    public static final String COLUMNS = "create_at, product_id, sensor_id, product_expire, file_id";

    private DatalogRows() {
    }

    /** The camel-sql batch INSERT into {@code table} (a name, or a Simple expression that gives one). */
    public static String insertInto(String table) {
        return "INSERT INTO " + table + " (" + COLUMNS + ") VALUES (:#createAt, :#productId, :#sensorId, :#productExpire, :#fileId)";
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
