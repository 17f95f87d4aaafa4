package com.datawow.datalog.cli;

import com.datawow.datalog.ingest.IngestSettings;
import com.datawow.datalog.parquet.BrokenFiles;
import com.datawow.datalog.parquet.SampleRows;
import com.datawow.datalog.parquet.SensorLogFixture;
import com.datawow.datalog.testing.PostgresExtension;
import com.datawow.datalog.testing.RunningLoader;
import com.datawow.datalog.testing.TestDatabase;
import org.apache.camel.util.json.JsonArray;
import org.apache.camel.util.json.JsonObject;
import org.apache.camel.util.json.Jsoner;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;

import java.math.BigDecimal;
import java.nio.file.Path;
import java.time.Duration;
import java.time.LocalDateTime;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Given a loader that loaded three files and rejected a fourth, {@code files} prints the ledger:
 * as a table, only the failures, only what happened since a moment, or as JSON.
 */
@ExtendWith(PostgresExtension.class)
class FilesCommandTest {

    private static final int ROWS = 120;
    private static final LocalDateTime MINUTE = LocalDateTime.of(2023, 1, 1, 0, 0);

    private final TestDatabase database;

    FilesCommandTest(TestDatabase database) {
        this.database = database;
    }

    @BeforeAll
    static void threeLoadedFilesAndOneFailed(TestDatabase database, @TempDir Path dropDir) throws Exception {
        SampleRows sample = new SampleRows(7);
        for (int i = 0; i < 3; i++) {
            SensorLogFixture.of(sample.minute(MINUTE.plusMinutes(i), ROWS)).writeTo(dropDir, "2023-01-01 00:0" + i + ":00.parquet");
        }
        BrokenFiles.randomBytes(dropDir.resolve("2023-01-01 00:03:00.parquet"), 2_048, 3);
        IngestSettings oneAtATime = RunningLoader.fastSettings(dropDir).withConcurrency(1);
        try (RunningLoader loader = RunningLoader.start(database, database.jdbcUrl(), oneAtATime)) {
            loader.awaitDrained(Duration.ofMinutes(1));
        }
        // known times, one minute apart in the order of the files, so --since has something to cut
        database.execute("""
                UPDATE ingest_ledger l SET finished_at = TIMESTAMPTZ '2026-12-01 10:00:00Z' + (n.position - 1) * INTERVAL '1 minute'
                FROM (SELECT file_id, row_number() OVER (ORDER BY file_id) AS position FROM ingest_ledger) n
                WHERE n.file_id = l.file_id""");
    }

    @Test
    void theTableShowsEachFileWithItsStatusRowsWhenAndError() {
        CommandRun run = CommandRun.against(database, "files");

        assertThat(run.exitCode()).as(run.err()).isZero();
        List<String> lines = run.out().lines().toList();
        assertThat(lines.getFirst()).containsPattern("^name\\s+status\\s+rows\\s+set aside\\s+when \\(UTC\\)\\s+error$");
        assertThat(lines.subList(1, lines.size())).satisfiesExactly(
                line -> assertThat(line).matches("2023-01-01 00:00:00\\.parquet\\s+loaded\\s+120\\s+0\\s+2026-12-01 10:00:00"),
                line -> assertThat(line).matches("2023-01-01 00:01:00\\.parquet\\s+loaded\\s+120\\s+0\\s+2026-12-01 10:01:00"),
                line -> assertThat(line).matches("2023-01-01 00:02:00\\.parquet\\s+loaded\\s+120\\s+0\\s+2026-12-01 10:02:00"),
                line -> assertThat(line).matches("2023-01-01 00:03:00\\.parquet\\s+failed\\s+0\\s+0\\s+2026-12-01 10:03:00\\s+unreadable: .+"));
    }

    @Test
    void failedListsOnlyTheFailedFilesWithTheirReason() {
        CommandRun run = CommandRun.against(database, "files", "--failed");

        assertThat(run.exitCode()).isZero();
        assertThat(run.out().lines().skip(1)).singleElement().asString()
                .startsWith("2023-01-01 00:03:00.parquet").contains("failed", "unreadable: 2023-01-01 00:03:00.parquet");
    }

    @Test
    void sinceLeavesOutWhatHappenedBeforeAsAMinuteInUtcOrAsAnInstant() {
        CommandRun minute = CommandRun.against(database, "files", "--since", "2026-12-01 10:02");
        CommandRun instant = CommandRun.against(database, "files", "--since", "2026-12-01T11:02:00+01:00");

        assertThat(minute.out().lines().skip(1).map(line -> line.substring(0, line.indexOf(".parquet"))))
                .containsExactly("2023-01-01 00:02:00", "2023-01-01 00:03:00");
        assertThat(instant.out()).isEqualTo(minute.out());
        assertThat(CommandRun.against(database, "files", "--since", "2027-01-01 00:00").out())
                .isEqualTo("No files in the ledger since 2027-01-01T00:00:00Z.\n");
    }

    @Test
    void jsonHasTheLedgerRowsAsTheDatabaseHasThem() throws Exception {
        CommandRun run = CommandRun.against(database, "files", "--json", "--failed");

        assertThat(run.exitCode()).isZero();
        JsonArray files = (JsonArray) Jsoner.deserialize(run.out());
        List<Object> ledger = database.queryRows(
                "SELECT file_id, file_name, status, row_count, error FROM ingest_ledger WHERE status = 'failed'").getFirst();
        assertThat(files).singleElement().satisfies(file -> {
            JsonObject json = (JsonObject) file;
            assertThat(json.keySet()).containsExactly(
                    "file_id", "name", "status", "rows", "rows_rejected", "started_at", "finished_at", "duration_ms", "unloaded_at", "error");
            assertThat(((BigDecimal) json.get("file_id")).intValue()).isEqualTo(ledger.get(0));
            assertThat(json.getString("name")).isEqualTo(ledger.get(1));
            assertThat(json.getString("status")).isEqualTo("failed");
            assertThat(json.getLong("rows")).isZero();
            assertThat(json.getString("finished_at")).isEqualTo("2026-12-01T10:03:00Z");
            assertThat(json.getString("unloaded_at")).isNull();
            assertThat(json.getString("error")).isEqualTo(ledger.get(4));
        });
    }

    @Test
    void aSinceThatIsNotATimeIsAUsageError() {
        CommandRun run = CommandRun.against(database, "files", "--since", "yesterday");

        assertThat(run.exitCode()).isEqualTo(DatalogLoader.EXIT_CANNOT_RUN);
        assertThat(run.err()).contains("'yesterday' is neither");
    }
}
