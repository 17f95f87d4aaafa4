package com.datawow.datalog.cli;

import com.datawow.datalog.parquet.SampleRows;
import com.datawow.datalog.parquet.SensorLogFixture;
import com.datawow.datalog.report.ReportQuery;
import com.datawow.datalog.report.WarehouseReport;
import com.datawow.datalog.testing.PostgresExtension;
import com.datawow.datalog.testing.RunningLoader;
import com.datawow.datalog.testing.TestDatabase;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.LocalDateTime;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Given four loaded files, {@code unload NAME} takes back exactly that file's rows in one
 * transaction and marks its ledger row; {@code report} still passes every integrity check, and
 * the same file dropped again is loaded anew.
 */
@ExtendWith(PostgresExtension.class)
class UnloadCommandTest {

    private static final int ROWS = 150;
    private static final LocalDateTime MINUTE = LocalDateTime.of(2023, 1, 1, 0, 0);

    @TempDir
    static Path dropDir;

    private final TestDatabase database;

    UnloadCommandTest(TestDatabase database) {
        this.database = database;
    }

    @BeforeAll
    static void fourLoadedFiles(TestDatabase database) throws Exception {
        SampleRows sample = new SampleRows(11);
        for (int i = 0; i < 4; i++) {
            SensorLogFixture.of(sample.minute(MINUTE.plusMinutes(i), ROWS)).writeTo(dropDir, name(i));
        }
        try (RunningLoader loader = RunningLoader.start(database, dropDir)) {
            loader.awaitDrained(Duration.ofMinutes(1));
        }
    }

    @Test
    void unloadRemovesTheFilesRowsAndMarksItsLedgerRowAndTheReportStaysConsistent() {
        long rowsBefore = database.queryLong("SELECT count(*) FROM datalog");
        int fileId = fileIdOf(name(1), "loaded");

        CommandRun run = CommandRun.against(database, "unload", name(1));

        assertThat(run.exitCode()).as(run.err()).isZero();
        assertThat(run.out()).isEqualTo("Unloaded '" + name(1) + "' (ledger file " + fileId + "): 150 rows removed\n");
        assertThat(database.queryLong("SELECT count(*) FROM datalog WHERE file_id = " + fileId)).isZero();
        assertThat(database.queryLong("SELECT count(*) FROM datalog")).isEqualTo(rowsBefore - ROWS);
        assertThat(database.queryRows("SELECT status, row_count, unloaded_at IS NOT NULL FROM ingest_ledger WHERE file_id = ?", fileId))
                .containsExactly(List.of("unloaded", (long) ROWS, true));
        WarehouseReport report = new ReportQuery(database.dataSource()).run();
        assertThat(report.failedChecks()).isEmpty();
        assertThat(report.ledger().unloaded()).isGreaterThanOrEqualTo(1);
        assertThat(report.ledger().rowsLoaded()).isEqualTo(report.rowsPerTable().get("datalog"));
    }

    @Test
    void anUnloadedFileDroppedAgainIsLoadedAnewNotCountedAsADuplicate() throws Exception {
        assertThat(CommandRun.against(database, "unload", name(2)).exitCode()).isZero();

        Files.copy(dropDir.resolve(".done").resolve(name(2)), dropDir.resolve(name(2)));
        try (RunningLoader loader = RunningLoader.start(database, dropDir)) {
            assertThat(loader.awaitDrained(Duration.ofMinutes(1)).loaded()).isEqualTo(1);
        }

        assertThat(database.queryRows("SELECT status FROM ingest_ledger WHERE file_name = ? ORDER BY file_id", name(2)))
                .containsExactly(List.of("unloaded"), List.of("loaded"));
        assertThat(database.queryLong("SELECT count(*) FROM datalog WHERE file_id = " + fileIdOf(name(2), "loaded"))).isEqualTo(ROWS);
        assertThat(new ReportQuery(database.dataSource()).run().failedChecks()).isEmpty();
    }

    @Test
    void aNameThatIsNotLoadedExitsOneAndChangesNothing() {
        assertThat(CommandRun.against(database, "unload", name(3)).exitCode()).isZero();
        long rowsBefore = database.queryLong("SELECT count(*) FROM datalog");

        CommandRun again = CommandRun.against(database, "unload", name(3));
        CommandRun unknown = CommandRun.against(database, "unload", "2023-01-01 09:99:00.parquet");

        assertThat(again.exitCode()).isEqualTo(DatalogLoader.EXIT_NOT_FOUND);
        assertThat(again.err()).contains("No loaded file named '" + name(3) + "'");
        assertThat(unknown.exitCode()).isEqualTo(DatalogLoader.EXIT_NOT_FOUND);
        assertThat(database.queryLong("SELECT count(*) FROM datalog")).isEqualTo(rowsBefore);
    }

    @Test
    void anUnreachableDatabaseExitsTwo() {
        CommandRun run = CommandRun.of("unload", name(0), "--jdbc-url", "jdbc:postgresql://127.0.0.1:1/warehouse", "--db-user", "nobody");

        assertThat(run.exitCode()).isEqualTo(DatalogLoader.EXIT_CANNOT_RUN);
        assertThat(database.queryLong("SELECT count(*) FROM ingest_ledger WHERE status = 'unloaded' AND file_name = '" + name(0) + "'")).isZero();
    }

    private int fileIdOf(String name, String status) {
        return (int) database.queryRows("SELECT file_id FROM ingest_ledger WHERE file_name = ? AND status = ?", name, status)
                .getFirst().getFirst();
    }

    private static String name(int minute) {
        return "2023-01-01 00:0" + minute + ":00.parquet";
    }
}
