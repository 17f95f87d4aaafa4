package com.datawow.datalog.ingest;

import com.datawow.datalog.db.Schema;
import com.datawow.datalog.parquet.BrokenFiles;
import com.datawow.datalog.parquet.ColumnType;
import com.datawow.datalog.parquet.SampleRows;
import com.datawow.datalog.parquet.SensorLogFixture;
import com.datawow.datalog.parquet.SensorLogRow;
import com.datawow.datalog.testing.ExpiryRule;
import com.datawow.datalog.testing.PostgresExtension;
import com.datawow.datalog.testing.RunningLoader;
import com.datawow.datalog.testing.TestDatabase;
import com.datawow.datalog.write.WriterKind;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.LocalDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.function.UnaryOperator;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Given good files and one bad file of each kind dropped together, when the loader runs (in
 * reject-file mode, the default), then every bad file is in .error/ with its reason beside it and
 * in the ledger, none of its rows stays in the database (even rows of batches written before the
 * bad row), and every good file is loaded; with either writer, each in a database of its own.
 * QuarantineTest is the same row rules in quarantine mode.
 */
class DeadLetterTest {

    @Nested
    class WithTheCopyWriter extends Scenario {
        WithTheCopyWriter() {
            super(WriterKind.COPY);
        }
    }

    @Nested
    class WithTheInsertWriter extends Scenario {
        WithTheInsertWriter() {
            super(WriterKind.INSERT);
        }
    }

    @ExtendWith(PostgresExtension.class)
    @TestInstance(TestInstance.Lifecycle.PER_CLASS)
    abstract static class Scenario {

        private static final LocalDateTime MINUTE = LocalDateTime.of(2023, 1, 2, 3, 4);
        private static final int ROWS = 300;
        /** Small batches, so a bad row deep in a file comes after batches that were already written. */
        private static final int BATCH_SIZE = 50;
        private static final SampleRows SAMPLE = new SampleRows(42);
        private static final List<SensorLogRow> GOOD_ROWS = SAMPLE.minute(MINUTE, ROWS);

        private final WriterKind writer;
        private Path dropDir;
        private IngestStatistics.Snapshot totals;

        Scenario(WriterKind writer) {
            this.writer = writer;
        }

        static Stream<Arguments> badFiles() {
            return Stream.of(
                    Arguments.of("not-parquet.parquet", "unreadable", "magic", null),
                    Arguments.of("truncated.parquet", "unreadable", "", null),
                    Arguments.of("zero-bytes.parquet", "unreadable", "", null),
                    Arguments.of("missing-column.parquet", "schema", "product_name", null),
                    Arguments.of("wrong-type.parquet", "schema", "create_at", null),
                    Arguments.of("null-value.parquet", "row", "is null", 201L),
                    Arguments.of("empty-value.parquet", "row", "empty", 202L),
                    Arguments.of("expire-before-create.parquet", "row", "before create_at", 203L),
                    Arguments.of("sensor-moves-department.parquet", "sensor-department", "already belongs", 204L),
                    Arguments.of("timestamp-out-of-range.parquet", "row", "outside the range PostgreSQL can store", 205L),
                    Arguments.of("nul-byte.parquet", "rejected-by-database", "0x00", null),
                    Arguments.of("refused-by-check.parquet", "rejected-by-database", ExpiryRule.NAME, null));
        }

        @BeforeAll
        void dropGoodAndBadFilesAndRunTheLoader(TestDatabase database, @TempDir Path dropDir) throws Exception {
            this.dropDir = dropDir;
            Schema.apply(database.dataSource());
            ExpiryRule.addTo(database);
            for (int i = 0; i < 3; i++) {
                SensorLogFixture.of(SAMPLE.minute(MINUTE.plusMinutes(i), ROWS)).writeTo(dropDir, "good-" + i + ".parquet");
            }
            Path scratch = Files.createTempDirectory("bad-files");
            Path good = SensorLogFixture.of(GOOD_ROWS).writeTo(scratch, "good.parquet");
            BrokenFiles.randomBytes(dropDir.resolve("not-parquet.parquet"), 4_096, 1);
            BrokenFiles.truncatedCopy(good, dropDir.resolve("truncated.parquet"), Files.size(good) / 2);
            BrokenFiles.zeroBytes(dropDir.resolve("zero-bytes.parquet"));
            SensorLogFixture.of(GOOD_ROWS).withoutColumn("product_name").writeTo(dropDir, "missing-column.parquet");
            SensorLogFixture.of(GOOD_ROWS).column("create_at", ColumnType.STRING).writeTo(dropDir, "wrong-type.parquet");
            writeWithRow(201, row -> row.withSensorSerial(null), "null-value.parquet");
            writeWithRow(202, row -> row.withProductName(""), "empty-value.parquet");
            writeWithRow(203, row -> row.withProductExpire(row.createAt().minusDays(1)), "expire-before-create.parquet");
            SensorLogRow placed = GOOD_ROWS.get(10);
            writeWithRow(204, row -> row.withSensorSerial(placed.sensorSerial()).withDepartmentName(otherDepartmentThan(placed)),
                    "sensor-moves-department.parquet");
            writeWithRow(150, row -> row.withProductName("bad\u0000name"), "nul-byte.parquet");
            writeWithRow(160, ExpiryRule::breaking, "refused-by-check.parquet");
            List<SensorLogRow> outOfRange = new ArrayList<>(GOOD_ROWS);
            outOfRange.set(204, GOOD_ROWS.get(204).withCreateAt(LocalDateTime.of(-5000, 1, 1, 0, 0)));
            // nanoseconds since 1970 in a long end in 1677 and 2262: a timestamp further out needs microseconds
            SensorLogFixture.of(outOfRange).timestamps(ColumnType.TIMESTAMP_MICROS).writeTo(dropDir, "timestamp-out-of-range.parquet");

            IngestSettings smallBatches = RunningLoader.fastSettings(dropDir).withBatchSize(BATCH_SIZE).withWriter(writer);
            try (RunningLoader loader = RunningLoader.start(database, database.jdbcUrl(), smallBatches)) {
                totals = loader.awaitDrained(Duration.ofMinutes(2));
            }
        }

        @ParameterizedTest(name = "{0}")
        @MethodSource("badFiles")
        void aBadFileIsMovedAsideWithItsReasonAndLeavesNoRows(String name, String kind, String reasonMentions, Long row, TestDatabase database)
                throws Exception {
            assertThat(dropDir.resolve(".error").resolve(name)).exists();
            String reason = Files.readString(dropDir.resolve(".error").resolve(name + ".error.txt"));
            assertThat(reason).contains("file: " + name, "kind: " + kind, "reason: " + name).containsIgnoringCase(reasonMentions);
            if (row != null) {
                assertThat(reason).contains("row: " + row);
            }
            assertThat(database.queryRows("SELECT status, error FROM ingest_ledger WHERE file_name = ?", name))
                    .singleElement().satisfies(ledger -> {
                        assertThat(ledger.get(0)).isEqualTo("failed");
                        assertThat((String) ledger.get(1)).startsWith(kind + ": ");
                    });
        }

        @Test
        void goodFilesAreLoadedBesideTheBadOnesAndNoRowOfABadFileRemains(TestDatabase database) throws Exception {
            assertThat(RunningLoader.namesIn(dropDir.resolve(".done"))).containsExactly("good-0.parquet", "good-1.parquet", "good-2.parquet");
            assertThat(database.queryLong("SELECT count(*) FROM datalog")).isEqualTo(3L * ROWS);
            assertThat(database.queryLong("SELECT count(*) FROM datalog l JOIN ingest_ledger f USING (file_id) WHERE f.status <> 'loaded'")).isZero();
            assertThat(RunningLoader.namesIn(dropDir)).containsExactly(".done", ".error");
            assertThat(totals.failed()).isEqualTo(badFiles().count());
            assertThat(totals.loaded()).isEqualTo(3);
        }

        private void writeWithRow(int rowNumber, UnaryOperator<SensorLogRow> change, String name) {
            List<SensorLogRow> rows = new ArrayList<>(GOOD_ROWS);
            rows.set(rowNumber - 1, change.apply(rows.get(rowNumber - 1)));
            SensorLogFixture.of(rows).writeTo(dropDir, name);
        }

        private static String otherDepartmentThan(SensorLogRow row) {
            return GOOD_ROWS.stream().map(SensorLogRow::departmentName).filter(d -> !d.equals(row.departmentName())).findFirst().orElseThrow();
        }
    }
}
