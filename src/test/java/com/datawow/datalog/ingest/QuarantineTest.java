package com.datawow.datalog.ingest;

import com.datawow.datalog.db.Schema;
import com.datawow.datalog.parquet.ColumnType;
import com.datawow.datalog.parquet.SampleRows;
import com.datawow.datalog.parquet.SensorLogFixture;
import com.datawow.datalog.parquet.SensorLogRow;
import com.datawow.datalog.parquet.Timestamps;
import com.datawow.datalog.quarantine.BadRowLimit;
import com.datawow.datalog.quarantine.BadRowSettings;
import com.datawow.datalog.quarantine.RowValues;
import com.datawow.datalog.report.ReportQuery;
import com.datawow.datalog.report.WarehouseReport;
import com.datawow.datalog.testing.ExpiryRule;
import com.datawow.datalog.testing.PostgresExtension;
import com.datawow.datalog.testing.RunningLoader;
import com.datawow.datalog.testing.TestDatabase;
import com.datawow.datalog.testing.WarehouseRows;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
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
 * Given files with two bad rows of each kind among good rows, when the loader runs in quarantine
 * mode (at most 1% bad rows a file), then each bad row is set aside in rejected_row (under its
 * file's ledger id, with its row, its rule and its values) and listed in .done/NAME.rejected.csv,
 * every other row of its file is loaded, and the file counts as loaded with its rejected-row count;
 * a file over the limit and a file with a structural problem are rejected whole, as in reject-file
 * mode (DeadLetterTest is the same files in that mode).
 */
@ExtendWith(PostgresExtension.class)
class QuarantineTest {

    private static final LocalDateTime MINUTE = LocalDateTime.of(2023, 1, 2, 3, 4);
    private static final int ROWS = 300;
    private static final SampleRows SAMPLE = new SampleRows(42);
    private static final List<SensorLogRow> GOOD_ROWS = SAMPLE.minute(MINUTE, ROWS);
    private static final SensorLogRow PLACED = GOOD_ROWS.get(10);

    @TempDir
    static Path dropDir;
    static IngestStatistics.Snapshot totals;

    /** File, rule, its two bad rows (1-based), the change that breaks them, what the reason says. */
    static Stream<Arguments> badRowsOfEachKind() {
        return Stream.of(
                Arguments.of("null-value.parquet", "null-value", 20, 201, change(row -> row.withSensorSerial(null)), "sensor_serial is null"),
                Arguments.of("empty-value.parquet", "empty-value", 3, 202, change(row -> row.withProductName("")), "product_name is empty"),
                Arguments.of("expire-before-create.parquet", "expire-before-create", 77, 203,
                        change(row -> row.withProductExpire(row.createAt().minusDays(1))), "is before create_at"),
                Arguments.of("timestamp-out-of-range.parquet", "timestamp-out-of-range", 5, 204,
                        change(row -> row.withCreateAt(LocalDateTime.of(-5000, 1, 1, 0, 0))), "outside the range PostgreSQL can store"),
                Arguments.of("nul-character.parquet", "nul-character", 150, 151,
                        change(row -> row.withProductName("bad\u0000name")), "NUL character"),
                Arguments.of("sensor-department.parquet", "sensor-department", 204, 290,
                        change(row -> row.withSensorSerial(PLACED.sensorSerial()).withDepartmentName(otherDepartmentThan(PLACED))),
                        "already belongs to department"),
                Arguments.of("rejected-by-database.parquet", "rejected-by-database", 120, 260,
                        change(ExpiryRule::breaking), ExpiryRule.NAME));
    }

    @BeforeAll
    static void dropFilesWithBadRowsAndRunTheLoaderInQuarantineMode(TestDatabase database) throws Exception {
        Schema.apply(database.dataSource());
        ExpiryRule.addTo(database);
        badRowsOfEachKind().forEach(arguments -> {
            Object[] file = arguments.get();
            @SuppressWarnings("unchecked") UnaryOperator<SensorLogRow> breakRow = (UnaryOperator<SensorLogRow>) file[4];
            SensorLogFixture fixture = SensorLogFixture.of(withRows(breakRow, (int) file[2], (int) file[3]));
            // nanoseconds since 1970 in a long end in 1677 and 2262: a timestamp further out needs microseconds
            fixture.timestamps(ColumnType.TIMESTAMP_MICROS).writeTo(dropDir, (String) file[0]);
        });
        SensorLogFixture.of(withRows(row -> row.withProductName(null), 10, 20, 30, 40)).writeTo(dropDir, "too-many-bad-rows.parquet");
        SensorLogFixture.of(GOOD_ROWS).withoutColumn("product_name").writeTo(dropDir, "missing-column.parquet");
        SensorLogFixture.of(GOOD_ROWS).writeTo(dropDir, "good.parquet");

        IngestSettings quarantine = RunningLoader.fastSettings(dropDir).withBadRows(BadRowSettings.quarantine(BadRowLimit.parse("1%")));
        try (RunningLoader loader = RunningLoader.start(database, database.jdbcUrl(), quarantine)) {
            totals = loader.awaitDrained(Duration.ofMinutes(2));
        }
    }

    @ParameterizedTest(name = "{1}")
    @MethodSource("badRowsOfEachKind")
    void eachBadRowIsSetAsideWithItsRuleAndValuesAndTheRestOfItsFileLoads(String name, String rule, int first, int second,
                                                                          UnaryOperator<SensorLogRow> breakRow, String reasonMentions,
                                                                          TestDatabase database) throws Exception {
        List<SensorLogRow> rows = withRows(breakRow, first, second);
        assertThat(database.queryRows("SELECT status, row_count, rejected_row_count FROM ingest_ledger WHERE file_name = ?", name))
                .containsExactly(List.of("loaded", (long) ROWS - 2, 2L));
        assertThat(database.queryRows("""
                        SELECT r.row_number, r.rule, r.reason, r.department_name, r.sensor_serial, r.create_at, r.product_name, r.product_expire
                        FROM rejected_row r JOIN ingest_ledger f USING (file_id) WHERE f.file_name = ? ORDER BY r.row_number""", name))
                .satisfiesExactly(
                        stored -> assertRejected(stored, first, rule, reasonMentions, rows.get(first - 1)),
                        stored -> assertRejected(stored, second, rule, reasonMentions, rows.get(second - 1)));
        List<SensorLogRow> good = new ArrayList<>(rows);
        good.remove(second - 1);
        good.remove(first - 1);
        assertThat(WarehouseRows.ofFile(database, name)).containsExactlyElementsOf(WarehouseRows.asText(good));

        List<String> list = Files.readAllLines(dropDir.resolve(".done").resolve(name + ".rejected.csv"));
        assertThat(list).hasSize(3);
        assertThat(list.getFirst()).isEqualTo("row,rule,reason,department_name,sensor_serial,create_at,product_name,product_expire");
        assertThat(list.get(1)).startsWith(first + "," + rule + ",").contains(reasonMentions);
        assertThat(list.get(2)).startsWith(second + "," + rule + ",");
    }

    @Test
    void aFileWithMoreBadRowsThanTheLimitIsRejectedWholeWithTheReason(TestDatabase database) throws Exception {
        String reason = Files.readString(dropDir.resolve(".error").resolve("too-many-bad-rows.parquet.error.txt"));

        assertThat(reason).contains("kind: too-many-bad-rows", "row: 40", "4 bad rows, more than datalog.bad-rows.max-per-file allows (1% of 300 rows: 3)",
                "product_name is null");
        assertThat(database.queryRows("SELECT status FROM ingest_ledger WHERE file_name = 'too-many-bad-rows.parquet'"))
                .containsExactly(List.of("failed"));
        assertThat(database.queryLong("SELECT count(*) FROM rejected_row r JOIN ingest_ledger f USING (file_id)"
                + " WHERE f.file_name = 'too-many-bad-rows.parquet'")).isZero();
    }

    @Test
    void aStructuralProblemStillRejectsTheFile() throws Exception {
        assertThat(Files.readString(dropDir.resolve(".error").resolve("missing-column.parquet.error.txt")))
                .contains("kind: schema", "product_name");
    }

    @Test
    void everyOtherFileIsInDoneAndOnlyTheFilesWithBadRowsHaveAList() throws Exception {
        List<String> withBadRows = badRowsOfEachKind().map(arguments -> (String) arguments.get()[0]).sorted().toList();
        List<String> done = new ArrayList<>(withBadRows);
        done.add("good.parquet");
        withBadRows.forEach(name -> done.add(name + ".rejected.csv"));

        assertThat(RunningLoader.namesIn(dropDir.resolve(".done"))).containsExactlyInAnyOrderElementsOf(done);
        assertThat(RunningLoader.namesIn(dropDir.resolve(".error"))).containsExactlyInAnyOrder(
                "missing-column.parquet", "missing-column.parquet.error.txt", "too-many-bad-rows.parquet", "too-many-bad-rows.parquet.error.txt");
        assertThat(RunningLoader.namesIn(dropDir)).containsExactly(".done", ".error");
    }

    @Test
    void theSummaryAndTheReportCountTheRowsSetAsideAndEveryCheckPasses(TestDatabase database) {
        long rowsSetAside = 2 * badRowsOfEachKind().count();

        WarehouseReport report = new ReportQuery(database.dataSource()).run();

        assertThat(totals.rowsRejected()).isEqualTo(rowsSetAside);
        assertThat(totals.summary()).contains("; " + rowsSetAside + " bad rows set aside; ");
        assertThat(totals.loaded()).isEqualTo(badRowsOfEachKind().count() + 1);
        assertThat(totals.failed()).isEqualTo(2);
        assertThat(report.ledger().rowsRejected()).isEqualTo(rowsSetAside);
        assertThat(report.failedChecks()).isEmpty();
    }

    private static void assertRejected(List<Object> stored, int row, String rule, String reasonMentions, SensorLogRow values) {
        assertThat(stored.subList(0, 3)).satisfiesExactly(
                number -> assertThat(number).isEqualTo((long) row),
                storedRule -> assertThat(storedRule).isEqualTo(rule),
                reason -> assertThat((String) reason).contains(reasonMentions));
        assertThat(stored.subList(3, 8)).containsExactlyElementsOf(asStored(values));
    }

    /** The values as rejected_row keeps them: text, timestamps as PostgreSQL prints them, a NUL character escaped. */
    private static List<String> asStored(SensorLogRow row) {
        return new RowValues(row.departmentName(), row.sensorSerial(), text(row.createAt()), row.productName(), text(row.productExpire()))
                .inFileOrder();
    }

    private static String text(LocalDateTime time) {
        return time == null ? null : Timestamps.toText(Timestamps.toMicros(time));
    }

    private static List<SensorLogRow> withRows(UnaryOperator<SensorLogRow> breakRow, int... rowNumbers) {
        List<SensorLogRow> rows = new ArrayList<>(GOOD_ROWS);
        for (int row : rowNumbers) {
            rows.set(row - 1, breakRow.apply(rows.get(row - 1)));
        }
        return rows;
    }

    private static UnaryOperator<SensorLogRow> change(UnaryOperator<SensorLogRow> change) {
        return change;
    }

    private static String otherDepartmentThan(SensorLogRow row) {
        return GOOD_ROWS.stream().map(SensorLogRow::departmentName).filter(d -> !d.equals(row.departmentName())).findFirst().orElseThrow();
    }
}
