package com.datawow.datalog.cli;

import com.datawow.datalog.report.IntegrityCheck;
import com.datawow.datalog.db.Schema;
import com.datawow.datalog.report.IntegrityCheck;
import com.datawow.datalog.testing.PostgresExtension;
import com.datawow.datalog.testing.TestDatabase;
import org.apache.camel.util.json.JsonArray;
import org.apache.camel.util.json.JsonObject;
import org.apache.camel.util.json.Jsoner;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

import java.math.BigDecimal;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

@ExtendWith(PostgresExtension.class)
class ReportCommandTest {

    /** The warehouse the report reads: one loaded file of two rows, consistent. */
    private static void oneLoadedFileOfTwoRows(TestDatabase database) throws SQLException {
        database.execute("DROP TABLE IF EXISTS rejected_row, datalog, sensor, department, product, ingest_ledger CASCADE");
        Schema.apply(database.dataSource());
        database.execute("INSERT INTO department (department_id, department_name) VALUES (1, 'dep')");
        database.execute("INSERT INTO sensor (sensor_id, sensor_serial, department_id) VALUES (1, 's1', 1), (2, 's2', 1)");
        database.execute("INSERT INTO product (product_id, product_name) VALUES (1, 'p1')");
        database.execute("INSERT INTO ingest_ledger (file_id, file_name, file_size, checksum, row_count, status, finished_at)"
                + " VALUES (1, '2023-01-01 00:00:00.parquet', 1000, 'c1', 2, 'loaded', '2024-06-01 12:00:05+00')");
        database.execute("INSERT INTO datalog (create_at, product_id, sensor_id, product_expire, file_id) VALUES"
                + " ('2023-01-01 00:00:00', 1, 1, '2023-03-30 00:00:00', 1),"
                + " ('2023-01-01 00:00:00', 1, 2, '2023-03-29 00:00:00', 1)");
    }

    @Test
    void jsonReportCanBeParsedBackAndExitsZeroWhenEveryCheckPasses(TestDatabase database) throws Exception {
        oneLoadedFileOfTwoRows(database);

        CommandRun run = report(database, "--json");

        assertThat(run.exitCode()).isZero();
        JsonObject json = (JsonObject) Jsoner.deserialize(run.out());
        assertThat(json.keySet()).containsExactly("tables", "ledger", "create_at", "checks", "all_checks_passed");
        assertThat(numbers(json.getMap("tables"))).containsExactly(
                Map.entry("department", 1L), Map.entry("sensor", 2L), Map.entry("product", 1L), Map.entry("datalog", 2L));
        JsonObject ledger = json.getMap("ledger");
        assertThat(ledger.getLong("files_loaded")).isEqualTo(1);
        assertThat(ledger.getLong("duplicates")).isZero();
        assertThat(ledger.getLong("replaced")).isZero();
        assertThat(ledger.getLong("failed")).isZero();
        assertThat(ledger.getLong("rows_loaded")).isEqualTo(2);
        assertThat(ledger.getLong("rows_rejected")).isZero();
        assertThat(ledger.getString("last_load")).isEqualTo("2024-06-01T12:00:05Z");
        assertThat(json.<Map<String, Object>>getMap("create_at"))
                .containsEntry("min", "2023-01-01T00:00:00").containsEntry("max", "2023-01-01T00:00:00");
        JsonArray checks = json.getCollection("checks");
        assertThat(checks.stream().map(JsonObject.class::cast).map(check -> check.getString("name")))
                .containsExactlyElementsOf(Arrays.stream(IntegrityCheck.values()).map(IntegrityCheck::id).toList())
                .contains("sensor_has_department", "datalog_from_loaded_file", "ledger_row_count_matches", "rejected_row_from_loaded_file");
        assertThat(checks.stream().map(JsonObject.class::cast))
                .allMatch(check -> check.getBoolean("passed") && check.getLong("violations") == 0);
        assertThat(json.getBoolean("all_checks_passed")).isTrue();
    }

    @Test
    void textReportShowsEachSectionAndTheVerdict(TestDatabase database) throws SQLException {
        oneLoadedFileOfTwoRows(database);

        CommandRun run = report(database);

        assertThat(run.exitCode()).isZero();
        assertThat(run.out())
                .contains("Rows per table", "Ingest ledger", "create_at range", "Integrity checks")
                .containsPattern("(?m)^  datalog\\s+2$")
                .containsPattern("(?m)^  last load\\s+2024-06-01 12:00:05 UTC$")
                .containsPattern("(?m)^  min\\s+2023-01-01 00:00:00$")
                .containsPattern("(?m)^  PASS\\s+datalog_from_loaded_file\\s+0\\s+datalog rows")
                .contains("All " + IntegrityCheck.values().length + " integrity checks passed.");
    }

    @Test
    void aFailedIntegrityCheckExitsOneAndIsNamed(TestDatabase database) throws Exception {
        oneLoadedFileOfTwoRows(database);
        database.execute("INSERT INTO datalog (create_at, product_id, sensor_id, product_expire, file_id)"
                + " VALUES ('2023-01-01 00:01:00', 1, 1, '2023-03-30 00:01:00', 42)");

        CommandRun text = report(database);
        CommandRun json = report(database, "--json");

        assertThat(text.exitCode()).isEqualTo(ReportCommand.EXIT_CHECK_FAILED);
        assertThat(text.out())
                .containsPattern("(?m)^  FAIL\\s+datalog_from_loaded_file\\s+1\\s+datalog rows")
                .contains("1 of " + IntegrityCheck.values().length + " integrity checks FAILED: datalog_from_loaded_file");
        assertThat(json.exitCode()).isEqualTo(ReportCommand.EXIT_CHECK_FAILED);
        JsonObject parsed = (JsonObject) Jsoner.deserialize(json.out());
        assertThat(parsed.getBoolean("all_checks_passed")).isFalse();
    }

    @Test
    void anUnreachableDatabaseExitsTwoWithTheReason() {
        CommandRun run = CommandRun.of("report", "--jdbc-url", "jdbc:postgresql://127.0.0.1:1/warehouse",
                "--db-user", "nobody", "--db-password", "nothing");

        assertThat(run.exitCode()).isEqualTo(DatalogLoader.EXIT_CANNOT_RUN);
        assertThat(run.out()).isEmpty();
        assertThat(run.err()).contains("Cannot read the warehouse");
    }

    private static CommandRun report(TestDatabase database, String... options) {
        return CommandRun.against(database, "report", options);
    }

    private static Map<String, Long> numbers(Map<String, Object> json) {
        Map<String, Long> numbers = new LinkedHashMap<>();
        json.forEach((key, value) -> numbers.put(key, ((BigDecimal) value).longValueExact()));
        return numbers;
    }
}
