package com.datawow.datalog.ingest;

import com.datawow.datalog.parquet.SampleRows;
import com.datawow.datalog.parquet.SensorLogFixture;
import com.datawow.datalog.parquet.SensorLogRow;
import com.datawow.datalog.quarantine.BadRowLimit;
import com.datawow.datalog.quarantine.BadRowSettings;
import com.datawow.datalog.report.ReportQuery;
import com.datawow.datalog.testing.PostgresExtension;
import com.datawow.datalog.testing.RunningLoader;
import com.datawow.datalog.testing.TestDatabase;
import com.datawow.datalog.testing.WarehouseRows;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Duration;
import java.time.LocalDateTime;
import java.util.ArrayList;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Exactly once by content, in either bad-rows mode: the same content is loaded once whatever its
 * name; new content under a loaded name replaces the old rows.
 */
@ExtendWith(PostgresExtension.class)
class DuplicateAndReplacementTest {

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
    void emptyWarehouse() {
        database.execute("DROP TABLE IF EXISTS rejected_row, datalog, ingest_ledger, sensor, department, product CASCADE");
    }

    @AfterEach
    void stopLoader() {
        loader.close();
    }

    /** A bad row rejects its file (the default). */
    @Nested
    class RejectingBadFiles {

        private static final LocalDateTime MINUTE = LocalDateTime.of(2023, 1, 3, 10, 0);

        @BeforeEach
        void startLoader() throws Exception {
            loader = RunningLoader.start(database, dropDir);
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
    }

    /**
     * In quarantine mode: the same content dropped again (under its name or another)
     * adds neither rows nor rejected rows; new content under a loaded name replaces both its rows and
     * its rejected rows, and the list beside it in .done/ follows.
     */
    @Nested
    class InQuarantineMode {

        private static final String NAME = "2023-01-04 05:06:00.parquet";
        private static final LocalDateTime MINUTE = LocalDateTime.of(2023, 1, 4, 5, 6);

        @BeforeEach
        void startLoaderInQuarantineMode() throws Exception {
            loader = RunningLoader.start(database, database.jdbcUrl(),
                    RunningLoader.fastSettings(dropDir).withBadRows(BadRowSettings.quarantine(BadRowLimit.NONE)));
        }

        @Test
        void theSameContentDroppedAgainAddsNoRowsAndNoRejectedRows() throws Exception {
            Path content = SensorLogFixture.of(withNullSerialAt(new SampleRows(1).minute(MINUTE, 200), 5, 6)).writeTo(staging, "a.parquet");
            drop(content, NAME);
            loader.awaitDrained(Duration.ofSeconds(30));

            drop(content, "copy of " + NAME);
            drop(content, NAME);
            IngestStatistics.Snapshot totals = loader.awaitDrained(Duration.ofSeconds(30));

            assertThat(database.queryLong("SELECT count(*) FROM datalog")).isEqualTo(198);
            assertThat(database.queryRows("SELECT f.file_name, r.row_number FROM rejected_row r JOIN ingest_ledger f USING (file_id) ORDER BY 2"))
                    .containsExactly(List.of(NAME, 5L), List.of(NAME, 6L));
            assertThat(database.queryRows("SELECT status, rejected_row_count FROM ingest_ledger ORDER BY file_id"))
                    .containsExactly(List.of("loaded", 2L), List.of("duplicate", 0L), List.of("duplicate", 0L));
            assertThat(totals.duplicates()).isEqualTo(2);
            assertThat(totals.rowsRejected()).as("counted once, when they were set aside").isEqualTo(2);
            // a duplicate's list is that of the content it repeats
            assertThat(RunningLoader.namesIn(dropDir.resolve(".done"))).containsExactly(
                    NAME, NAME + ".rejected.csv", "copy of " + NAME, "copy of " + NAME + ".rejected.csv");
            assertThat(Files.readAllLines(dropDir.resolve(".done").resolve("copy of " + NAME + ".rejected.csv")))
                    .isEqualTo(Files.readAllLines(dropDir.resolve(".done").resolve(NAME + ".rejected.csv")))
                    .hasSize(3);
        }

        @Test
        void newContentUnderALoadedNameReplacesItsRowsAndItsRejectedRows() throws Exception {
            List<SensorLogRow> first = withNullSerialAt(new SampleRows(2).minute(MINUTE, 200), 5, 6);
            List<SensorLogRow> corrected = withNullSerialAt(new SampleRows(3).minute(MINUTE, 150), 9);
            List<SensorLogRow> clean = new SampleRows(4).minute(MINUTE, 100);
            drop(SensorLogFixture.of(first).writeTo(staging, "first.parquet"), NAME);
            loader.awaitDrained(Duration.ofSeconds(30));

            drop(SensorLogFixture.of(corrected).writeTo(staging, "corrected.parquet"), NAME);
            loader.awaitDrained(Duration.ofSeconds(30));

            assertThat(database.queryRows("SELECT f.status, r.row_number FROM rejected_row r JOIN ingest_ledger f USING (file_id)"))
                    .containsExactly(List.of("loaded", 9L));
            List<SensorLogRow> loaded = new ArrayList<>(corrected);
            loaded.remove(8);
            assertThat(WarehouseRows.ofFile(database, NAME)).containsExactlyElementsOf(WarehouseRows.asText(loaded));
            assertThat(Files.readAllLines(dropDir.resolve(".done").resolve(NAME + ".rejected.csv"))).hasSize(2)
                    .last().asString().startsWith("9,null-value,");

            drop(SensorLogFixture.of(clean).writeTo(staging, "clean.parquet"), NAME);
            loader.awaitDrained(Duration.ofSeconds(30));

            assertThat(database.queryLong("SELECT count(*) FROM rejected_row")).isZero();
            assertThat(database.queryLong("SELECT count(*) FROM datalog")).isEqualTo(100);
            assertThat(database.queryRows("SELECT status, rejected_row_count FROM ingest_ledger ORDER BY file_id"))
                    .containsExactly(List.of("replaced", 2L), List.of("replaced", 1L), List.of("loaded", 0L));
            assertThat(RunningLoader.namesIn(dropDir.resolve(".done"))).as("no list left from earlier content").containsExactly(NAME);
            assertThat(new ReportQuery(database.dataSource()).run().failedChecks()).isEmpty();
        }

        private static List<SensorLogRow> withNullSerialAt(List<SensorLogRow> rows, int... rowNumbers) {
            List<SensorLogRow> changed = new ArrayList<>(rows);
            for (int row : rowNumbers) {
                changed.set(row - 1, rows.get(row - 1).withSensorSerial(null));
            }
            return changed;
        }
    }

    /** Like the generator: write aside, then rename into the drop directory. */
    private void drop(Path file, String name) throws Exception {
        Path partial = dropDir.resolve("." + name + ".tmp");
        Files.copy(file, partial, StandardCopyOption.REPLACE_EXISTING);
        Files.move(partial, dropDir.resolve(name), StandardCopyOption.ATOMIC_MOVE);
    }
}
