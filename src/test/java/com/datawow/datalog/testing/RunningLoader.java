package com.datawow.datalog.testing;

import com.datawow.datalog.ingest.DropDirectory;
import com.datawow.datalog.daemon.IngestDaemon;
import com.datawow.datalog.ingest.IngestSettings;
import com.datawow.datalog.ingest.IngestStatistics;
import com.datawow.datalog.ops.OperationsSettings;
import com.datawow.datalog.quarantine.BadRowSettings;
import com.datawow.datalog.write.WriterKind;
import com.datawow.datalog.db.DatabaseSettings;
import com.datawow.datalog.daemon.Loader;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.OptionalInt;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The ingest daemon running in this JVM against a test database, with short poll and retry
 * intervals so tests run fast. The way tests say "when the loader runs".
 */
public final class RunningLoader implements AutoCloseable {

    private final Loader loader;

    private RunningLoader(Loader loader) {
        this.loader = loader;
    }

    /** The production defaults, but short poll, quiet-file and retry intervals. */
    public static IngestSettings fastSettings(Path dropDir) {
        return new IngestSettings(dropDir, 10_000, WriterKind.COPY, 2, Duration.ofMillis(100), Duration.ofMillis(300),
                new IngestSettings.Retry(Duration.ofMillis(200), Duration.ofMillis(1_000), 3),
                new IngestSettings.GroupBounds(100, 1_000_000, Duration.ofSeconds(10)), OptionalInt.empty(), BadRowSettings.REJECT_FILE);
    }

    /** Starts a loader on {@code jdbcUrl} (the test database, or a proxy in front of it). */
    public static RunningLoader start(TestDatabase database, String jdbcUrl, IngestSettings settings) throws Exception {
        return start(database, jdbcUrl, settings, OperationsSettings.quiet());
    }

    /** As above, with HTTP, remote JMX or progress as {@code operations} says. */
    public static RunningLoader start(TestDatabase database, String jdbcUrl, IngestSettings settings, OperationsSettings operations)
            throws Exception {
        return start(DatabaseSettings.of(jdbcUrl, database.user(), database.password(), 1), settings, operations);
    }

    /** Starts a loader on the database {@code database} names (e.g. with another connection timeout). */
    public static RunningLoader start(DatabaseSettings database, IngestSettings settings, OperationsSettings operations) throws Exception {
        RunningLoader loader = new RunningLoader(Loader.open(database, settings, Map.of("camel.main.jmxEnabled", "true"), operations,
                Clock.systemUTC()));
        try {
            loader.daemon().start();
        } catch (Exception e) {
            loader.close();
            throw e;
        }
        return loader;
    }

    public static RunningLoader start(TestDatabase database, Path dropDir) throws Exception {
        return start(database, database.jdbcUrl(), fastSettings(dropDir));
    }

    /** Waits until the drop directory is drained; fails the test after {@code timeout}. */
    public IngestStatistics.Snapshot awaitDrained(Duration timeout) throws InterruptedException {
        assertThat(daemon().awaitDrained(timeout)).as("drop directory drained within %s", timeout).isTrue();
        return daemon().statistics().snapshot();
    }

    public IngestDaemon daemon() {
        return loader.daemon();
    }

    public DropDirectory dropDirectory() {
        return daemon().dropDirectory();
    }

    /** File names directly in {@code dir}, sorted. */
    public static List<String> namesIn(Path dir) throws IOException {
        if (!Files.isDirectory(dir)) {
            return List.of();
        }
        try (Stream<Path> entries = Files.list(dir)) {
            return entries.map(path -> path.getFileName().toString()).sorted().toList();
        }
    }

    @Override
    public void close() {
        loader.close();
    }
}
