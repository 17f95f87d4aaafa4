package com.datawow.datalog.parquet;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.file.Path;
import java.time.LocalDateTime;

import static org.assertj.core.api.Assertions.assertThat;

/** A big file is read batch by batch, never whole. */
class SensorLogReaderStreamingTest {

    private static final int ROWS = 2_000_000;
    private static final int BATCH = 10_000;

    @TempDir
    Path dir;

    @Test
    void readsTwoMillionRowsInBoundedNumberedBatches() throws IOException {
        SampleRows sample = new SampleRows(3);
        LocalDateTime minute = LocalDateTime.of(2023, 1, 1, 0, 0);
        Path file = SensorLogFixture.generated(ROWS, sample.generator(minute))
                .rowGroupRows(500_000)
                .writeTo(dir, "big.parquet");

        long expectedFirstRow = 1;
        int batches = 0;
        try (SensorLogReader reader = SensorLogReader.open(file, BATCH)) {
            assertThat(reader.rowCount()).isEqualTo(ROWS);
            while (reader.hasNext()) {
                SensorLogBatch batch = reader.next();
                assertThat(batch.firstRow()).isEqualTo(expectedFirstRow);
                assertThat(batch.size()).isEqualTo(BATCH);
                expectedFirstRow += batch.size();
                batches++;
            }
        }

        assertThat(batches).isEqualTo(ROWS / BATCH);
        assertThat(expectedFirstRow - 1).isEqualTo(ROWS);
    }
}
