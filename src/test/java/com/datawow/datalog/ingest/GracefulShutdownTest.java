package com.datawow.datalog.ingest;

import com.datawow.datalog.parquet.SampleRows;
import com.datawow.datalog.parquet.SensorLogFixture;
import com.datawow.datalog.testing.ExactlyOnce;
import com.datawow.datalog.testing.ChildLoaderFixture;
import com.datawow.datalog.testing.LoaderProcess;
import com.datawow.datalog.testing.PostgresExtension;
import com.datawow.datalog.testing.RunningLoader;
import com.datawow.datalog.testing.TestDatabase;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.extension.ExtendWith;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.LocalDateTime;
import java.util.Map;
import java.util.OptionalInt;
import java.util.TreeMap;

import static com.datawow.datalog.testing.LoaderChecks.awaitUntil;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * Graceful shutdown (issue 4): SIGTERM while a file is in flight. The daemon finishes or rolls
 * back the files in flight, stops within its shutdown timeout, and leaves nothing half loaded;
 * a later run loads the rest exactly once.
 */
@ExtendWith(PostgresExtension.class)
class GracefulShutdownTest {

    private static final Logger LOG = LoggerFactory.getLogger(GracefulShutdownTest.class);
    private static final int FILES = 6;
    private static final int ROWS_PER_FILE = 200_000;
    /** IngestDaemon's camel-main shutdown timeout (60 s), plus time for the JVM to start and end. */
    private static final Duration SHUTDOWN_TIMEOUT = Duration.ofSeconds(75);
    /** A JVM that ends on SIGTERM after its shutdown hooks ran exits with 128 + 15. */
    private static final int EXIT_ON_SIGTERM = 143;

    /** The warehouse schema, a drop directory, the child loaders. */
    @RegisterExtension
    final ChildLoaderFixture fixture = new ChildLoaderFixture();

    @Test
    void sigtermWhileAFileIsInFlightStopsTheDaemonAndLeavesNothingHalfLoaded(TestDatabase database) throws Exception {
        // given a backlog of six files of 200,000 rows each (a file is in flight for a second or more)
        Path dropDir = fixture.dropDir();
        Map<String, Long> expected = new TreeMap<>();
        for (int i = 0; i < FILES; i++) {
            LocalDateTime minute = LocalDateTime.of(2023, 1, 3, 0, i);
            String name = String.format("2023-01-03 00:%02d:00.parquet", i);
            SensorLogFixture.generated(ROWS_PER_FILE, new SampleRows(100 + i).generator(minute)).writeTo(dropDir, name);
            expected.put(name, (long) ROWS_PER_FILE);
        }
        LoaderProcess daemon = fixture.start(fixture.daemon());

        // when a file has been committed and another one's transaction is open, the daemon gets SIGTERM
        awaitUntil("a file is loaded and another one is in flight", Duration.ofSeconds(60),
                () -> ExactlyOnce.ledgerRows(database, "loaded") >= 1 && fileTransactionsInFlight(database) >= 1 || !daemon.isAlive(),
                daemon::describe);
        assertThat(daemon.isAlive()).as(daemon.describe()).isTrue();
        long inFlight = fileTransactionsInFlight(database);
        long loadedBefore = ExactlyOnce.ledgerRows(database, "loaded");
        long sent = System.nanoTime();
        daemon.terminate();
        OptionalInt exitCode = daemon.waitFor(SHUTDOWN_TIMEOUT);
        Duration shutdown = Duration.ofNanos(System.nanoTime() - sent);
        LOG.info("SIGTERM with {} file(s) loaded and {} file transaction(s) in flight: exit {} after {} ms, {} file(s) loaded then",
                loadedBefore, inFlight, exitCode, shutdown.toMillis(), ExactlyOnce.ledgerRows(database, "loaded"));

        // then it stops within the shutdown timeout, with the exit code of a JVM ended by SIGTERM
        assertThat(exitCode).as("exit code after SIGTERM%n%s", daemon.describe()).hasValue(EXIT_ON_SIGTERM);
        assertThat(daemon.output()).contains("is shutting down").contains("shutdown in");
        // and no file is half loaded: each one is committed and in .done/, or not loaded and still in the drop directory
        ExactlyOnce.assertNothingHalfLoaded(database);
        Map<String, Long> loaded = ExactlyOnce.loadedFiles(database);
        assertThat(loaded).as("some files were loaded before the SIGTERM").isNotEmpty();
        for (String name : expected.keySet()) {
            boolean isLoaded = loaded.containsKey(name);
            assertThat(Files.exists(dropDir.resolve(".done").resolve(name))).as("%s in .done/ (loaded: %s)", name, isLoaded).isEqualTo(isLoaded);
            assertThat(Files.exists(dropDir.resolve(name))).as("%s still waiting (loaded: %s)", name, isLoaded).isEqualTo(!isLoaded);
            if (isLoaded) {
                assertThat(loaded.get(name)).as(name).isEqualTo(ROWS_PER_FILE);
            }
        }
        assertThat(RunningLoader.namesIn(dropDir.resolve(".error"))).isEmpty();

        // and run --once then loads the rest, exactly once
        LoaderProcess drain = fixture.runOnce(fixture.daemon(), Duration.ofSeconds(90));
        assertThat(drain.output()).contains((FILES - loaded.size()) + " files: " + (FILES - loaded.size()) + " loaded");
        ExactlyOnce.assertLoadedExactlyOnce(database, dropDir, expected);
    }

    /** The loader's transactions that have written something and have been open a while: a file being loaded. */
    private static long fileTransactionsInFlight(TestDatabase database) {
        return database.queryLong("""
                SELECT count(*) FROM pg_stat_activity
                WHERE datname = current_database() AND application_name = 'datalog-loader'
                  AND backend_xid IS NOT NULL AND now() - xact_start > interval '200 milliseconds'""");
    }
}

