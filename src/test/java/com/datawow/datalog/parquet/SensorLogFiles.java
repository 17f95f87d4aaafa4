package com.datawow.datalog.parquet;

import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/** Reads a whole file back as rows, for assertions. */
final class SensorLogFiles {

    private SensorLogFiles() {
    }

    static List<SensorLogRow> readAll(Path file, int batchSize) throws IOException {
        List<SensorLogRow> rows = new ArrayList<>();
        try (SensorLogReader reader = SensorLogReader.open(file, batchSize)) {
            reader.forEachRemaining(batch -> rows.addAll(rowsOf(batch)));
        }
        return rows;
    }

    static List<SensorLogRow> rowsOf(SensorLogBatch batch) {
        List<SensorLogRow> rows = new ArrayList<>(batch.size());
        for (int i = 0; i < batch.size(); i++) {
            rows.add(new SensorLogRow(batch.departmentNames()[i], batch.sensorSerials()[i],
                    Timestamps.toLocalDateTime(batch.createAt()[i]), batch.productNames()[i],
                    Timestamps.toLocalDateTime(batch.productExpire()[i])));
        }
        return rows;
    }
}
