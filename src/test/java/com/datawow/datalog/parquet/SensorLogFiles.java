package com.datawow.datalog.parquet;

import com.datawow.datalog.tools.generate.SampleRow;
import dev.hardwood.InputFile;
import dev.hardwood.reader.ParquetFileReader;
import dev.hardwood.reader.RowReader;
import org.apache.parquet.hadoop.metadata.ParquetMetadata;
import org.apache.parquet.io.LocalInputFile;

import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/** Test helper: reads sensor-log files back (Hardwood's row reader, the loader's reader, parquet-java's footer). */
public final class SensorLogFiles {

    private SensorLogFiles() {
    }

    /** Every row, through Hardwood's row reader (the reader the loader uses). */
    public static List<SampleRow> rows(Path file) throws IOException {
        List<SampleRow> read = new ArrayList<>();
        try (ParquetFileReader reader = ParquetFileReader.open(InputFile.of(file));
             RowReader rows = reader.rowReader()) {
            while (rows.hasNext()) {
                rows.next();
                read.add(new SampleRow(rows.getString("department_name"), rows.getString("sensor_serial"),
                        rows.getLocalTimestamp("create_at"), rows.getString("product_name"),
                        rows.getLocalTimestamp("product_expire")));
            }
        }
        return read;
    }

    /** Every row, through the loader's own reader, batch by batch. */
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

    /** The footer, through parquet-java's reader. */
    public static ParquetMetadata footer(Path file) throws IOException {
        try (org.apache.parquet.hadoop.ParquetFileReader reader =
                     org.apache.parquet.hadoop.ParquetFileReader.open(new LocalInputFile(file))) {
            return reader.getFooter();
        }
    }
}
