package com.datawow.datalog.ingest;

import com.datawow.datalog.parquet.SampleRows;
import com.datawow.datalog.parquet.SensorLogFixture;
import com.datawow.datalog.parquet.SensorLogRow;
import com.datawow.datalog.testing.PostgresExtension;
import com.datawow.datalog.testing.RunningLoader;
import com.datawow.datalog.testing.TestDatabase;
import com.datawow.datalog.testing.WarehouseRows;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Duration;
import java.time.LocalDateTime;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/** The same content is loaded once whatever its name; new content under a loaded name replaces the old rows. */
@ExtendWith(PostgresExtension.class)
class DuplicateAndReplacementTest {

    private static final LocalDateTime MINUTE = LocalDateTime.of(2023, 1, 3, 10, 0);

    @TempDir
    Path dropDir;
    @TempDir
    Path staging;
    private RunningLoader loader;
    private final TestDatabase database;

    DuplicateAndReplacementTest(TestDatabase database) {
        this.database = database;
    }

    @BeforeEach
    void startLoader() throws Exception {
        database.execute("DROP TABLE IF EXISTS rejected_row, datalog, ingest_ledger, sensor, department, product CASCADE");
        loader = RunningLoader.start(database, dropDir);
    }

    @AfterEach
    void stopLoader() {
        loader.close();
    }

    @Test
    void theSameContentUnderAnotherNameIsRecognisedAndNotLoadedAgain() throws Exception {
        List<SensorLogRow> rows = new SampleRows(1).minute(MINUTE, 500);
        Path original = SensorLogFixture.of(rows).writeTo(staging, "a.parquet");
        drop(original, "2023-01-03 10:00:00.parquet");
        loader.awaitDrained(Duration.ofSeconds(30));

        drop(original, "copy of 2023-01-03 10:00:00.parquet");
        IngestStatistics.Snapshot totals = loader.awaitDrained(Duration.ofSeconds(30));

        assertThat(database.queryLong("SELECT count(*) FROM datalog")).isEqualTo(500);
        assertThat(database.queryRows("SELECT file_name, status FROM ingest_ledger ORDER BY file_id"))
                .containsExactly(List.of("2023-01-03 10:00:00.parquet", "loaded"), List.of("copy of 2023-01-03 10:00:00.parquet", "duplicate"));
        assertThat(RunningLoader.namesIn(dropDir.resolve(".done")))
                .containsExactly("2023-01-03 10:00:00.parquet", "copy of 2023-01-03 10:00:00.parquet");
        assertThat(totals.duplicates()).isEqualTo(1);
        assertThat(totals.loaded()).isEqualTo(1);
    }

    @Test
    void newContentUnderALoadedNameReplacesItsRowsAtomically() throws Exception {
        String name = "2023-01-03 10:00:00.parquet";
        List<SensorLogRow> first = new SampleRows(2).minute(MINUTE, 400);
        List<SensorLogRow> corrected = new SampleRows(3).minute(MINUTE, 300);
        drop(SensorLogFixture.of(first).writeTo(staging, "first.parquet"), name);
        loader.awaitDrained(Duration.ofSeconds(30));
        assertThat(WarehouseRows.ofFile(database, name)).containsExactlyElementsOf(WarehouseRows.asText(first));

        drop(SensorLogFixture.of(corrected).writeTo(staging, "corrected.parquet"), name);
        IngestStatistics.Snapshot totals = loader.awaitDrained(Duration.ofSeconds(30));

        assertThat(WarehouseRows.ofFile(database, name)).containsExactlyElementsOf(WarehouseRows.asText(corrected));
        assertThat(database.queryLong("SELECT count(*) FROM datalog")).isEqualTo(300);
        assertThat(database.queryRows("SELECT status, replaced_by IS NOT NULL FROM ingest_ledger ORDER BY file_id"))
                .containsExactly(List.of("replaced", true), List.of("loaded", false));
        assertThat(totals.replaced()).isEqualTo(1);
        assertThat(RunningLoader.namesIn(dropDir.resolve(".done"))).containsExactly(name);
    }

    /** Like the generator: write aside, then rename into the drop directory. */
    private void drop(Path file, String name) throws Exception {
        Path partial = dropDir.resolve("." + name + ".tmp");
        Files.copy(file, partial, StandardCopyOption.REPLACE_EXISTING);
        Files.move(partial, dropDir.resolve(name), StandardCopyOption.ATOMIC_MOVE);
    }
}
