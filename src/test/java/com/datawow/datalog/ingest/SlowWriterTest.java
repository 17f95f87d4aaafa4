package com.datawow.datalog.ingest;

import com.datawow.datalog.parquet.SampleRows;
import com.datawow.datalog.parquet.SensorLogFixture;
import com.datawow.datalog.testing.PostgresExtension;
import com.datawow.datalog.testing.RunningLoader;
import com.datawow.datalog.testing.TestDatabase;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;

import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.LocalDateTime;

import static org.assertj.core.api.Assertions.assertThat;

/** A file copied in slowly under its final name is read only once it stops growing. */
@ExtendWith(PostgresExtension.class)
class SlowWriterTest {

    @Test
    void aFileStillBeingWrittenIsLoadedWholeOnceComplete(TestDatabase database, @TempDir Path dropDir, @TempDir Path staging) throws Exception {
        Path complete = SensorLogFixture.of(new SampleRows(5).minute(LocalDateTime.of(2023, 1, 4, 0, 0), 1_914)).writeTo(staging, "x.parquet");
        byte[] bytes = Files.readAllBytes(complete);

        // the production default minimum age (1 s): far above the writer's 100 ms pauses, even on a busy machine
        IngestSettings settings = RunningLoader.fastSettings(dropDir).withReadLockMinAge(Duration.ofSeconds(1));
        try (RunningLoader loader = RunningLoader.start(database, database.jdbcUrl(), settings)) {
            try (OutputStream out = Files.newOutputStream(dropDir.resolve("2023-01-04 00:00:00.parquet"))) {
                int chunk = bytes.length / 15 + 1;
                for (int offset = 0; offset < bytes.length; offset += chunk) {
                    out.write(bytes, offset, Math.min(chunk, bytes.length - offset));
                    out.flush();
                    Thread.sleep(100); // 1.5 s in all: many polls, each pause far shorter than the read lock's minimum age
                }
            }
            IngestStatistics.Snapshot totals = loader.awaitDrained(Duration.ofSeconds(30));

            assertThat(totals.failed()).isZero();
            assertThat(totals.loaded()).isEqualTo(1);
        }
        assertThat(database.queryLong("SELECT count(*) FROM datalog")).isEqualTo(1_914);
        assertThat(RunningLoader.namesIn(dropDir.resolve(".done"))).containsExactly("2023-01-04 00:00:00.parquet");
    }
}
