package com.datawow.datalog.cli;

import com.datawow.datalog.parquet.SampleRows;
import com.datawow.datalog.parquet.SensorLogFixture;
import com.datawow.datalog.testing.PostgresExtension;
import com.datawow.datalog.testing.RunningLoader;
import com.datawow.datalog.testing.TestDatabase;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;
import java.time.Duration;
import java.time.LocalDateTime;
import java.util.ArrayList;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Given files the warehouse refused (a constraint added by mistake) and the mistake undone,
 * {@code retry} puts them back into the drop directory and the running loader loads them; the
 * ledger keeps the failed row beside the loaded one.
 */
@ExtendWith(PostgresExtension.class)
class RetryCommandTest {

    private static final int ROWS = 100;
    private static final SampleRows SAMPLE = new SampleRows(5);

    private final TestDatabase database;

    RetryCommandTest(TestDatabase database) {
        this.database = database;
    }

    @Test
    void aFailedFileRetriedByNameIsLoadedAndTheLedgerKeepsBothRows(@TempDir Path dropDir) throws Exception {
        try (RunningLoader loader = RunningLoader.start(database, dropDir)) {
            List<String> names = refusedFiles(loader, dropDir, 0, 2);

            CommandRun run = CommandRun.of("retry", names.get(0), "--dir", dropDir.toString());
            loader.awaitDrained(Duration.ofMinutes(1));

            assertThat(run.exitCode()).as(run.err()).isZero();
            assertThat(run.out()).isEqualTo("Retrying '" + names.get(0) + "': back in " + dropDir.toAbsolutePath() + "\n");
            assertThat(database.queryRows("SELECT status, row_count FROM ingest_ledger WHERE file_name = ? ORDER BY file_id", names.get(0)))
                    .containsExactly(List.of("failed", 0L), List.of("loaded", (long) ROWS));
            assertThat(RunningLoader.namesIn(dropDir.resolve(".error")))
                    .containsExactly(names.get(1), names.get(1) + ".error.txt");
            assertThat(RunningLoader.namesIn(dropDir.resolve(".done"))).containsExactly(names.get(0));
        }
    }

    @Test
    void allFailedPutsEveryFailedFileBack(@TempDir Path dropDir) throws Exception {
        try (RunningLoader loader = RunningLoader.start(database, dropDir)) {
            List<String> names = refusedFiles(loader, dropDir, 10, 3);

            CommandRun run = CommandRun.of("retry", "--all-failed", "--dir", dropDir.toString());
            loader.awaitDrained(Duration.ofMinutes(1));

            assertThat(run.exitCode()).as(run.err()).isZero();
            assertThat(run.out().lines()).hasSize(3);
            assertThat(RunningLoader.namesIn(dropDir.resolve(".error"))).isEmpty();
            assertThat(RunningLoader.namesIn(dropDir.resolve(".done"))).containsExactlyElementsOf(names);
            assertThat(database.queryLong("SELECT count(*) FROM datalog")).isGreaterThanOrEqualTo(3L * ROWS);
        }
    }

    @Test
    void aNameThatIsNotAFailedFileOrNothingFailedExitsOne(@TempDir Path dropDir) {
        CommandRun unknown = CommandRun.of("retry", "2023-01-01 09:00:00.parquet", "--dir", dropDir.toString());
        CommandRun nothing = CommandRun.of("retry", "--all-failed", "--dir", dropDir.toString());
        CommandRun neither = CommandRun.of("retry", "--dir", dropDir.toString());

        assertThat(unknown.exitCode()).isEqualTo(DatalogLoader.EXIT_NOT_FOUND);
        assertThat(unknown.err()).contains("No failed file named '2023-01-01 09:00:00.parquet'");
        assertThat(nothing.exitCode()).isEqualTo(DatalogLoader.EXIT_NOT_FOUND);
        assertThat(nothing.err()).contains("No failed files in");
        assertThat(neither.exitCode()).as("a usage error").isEqualTo(DatalogLoader.EXIT_CANNOT_RUN);
    }

    /** Drops {@code count} files while the warehouse refuses their rows, waits until they are in .error/, then lifts the refusal. */
    private List<String> refusedFiles(RunningLoader loader, Path dropDir, int firstMinute, int count) throws Exception {
        database.execute("ALTER TABLE datalog ADD CONSTRAINT refuse_everything CHECK (create_at < '2000-01-01') NOT VALID");
        List<String> names = new ArrayList<>();
        for (int i = 0; i < count; i++) {
            LocalDateTime minute = LocalDateTime.of(2023, 1, 1, 0, 0).plusMinutes(firstMinute + i);
            String name = minute.toLocalDate() + " " + minute.toLocalTime() + ":00.parquet";
            SensorLogFixture.of(SAMPLE.minute(minute, ROWS)).writeTo(dropDir, name);
            names.add(name);
        }
        assertThat(loader.awaitDrained(Duration.ofMinutes(1)).failed()).isEqualTo(count);
        assertThat(RunningLoader.namesIn(dropDir.resolve(".error"))).hasSize(2 * count);
        database.execute("ALTER TABLE datalog DROP CONSTRAINT refuse_everything");
        return names;
    }
}
