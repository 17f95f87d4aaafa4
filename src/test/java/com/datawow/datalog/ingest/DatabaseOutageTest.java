package com.datawow.datalog.ingest;

import com.datawow.datalog.tools.generate.GenerationProgress;
import com.datawow.datalog.tools.generate.MinuteRange;
import com.datawow.datalog.tools.generate.SampleFileGenerator;
import com.datawow.datalog.testing.PostgresExtension;
import com.datawow.datalog.testing.RunningLoader;
import com.datawow.datalog.testing.TcpProxy;
import com.datawow.datalog.testing.TestDatabase;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;

import java.math.BigDecimal;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.Executors;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * A database outage is not bad input: no file is moved aside, and everything loads once the
 * database is back, exactly once.
 */
@ExtendWith(PostgresExtension.class)
class DatabaseOutageTest {

    private static final int FILES = 24;

    private final TestDatabase database;

    DatabaseOutageTest(TestDatabase database) {
        this.database = database;
    }

    @BeforeEach
    void emptyWarehouse() {
        database.execute("DROP TABLE IF EXISTS rejected_row, datalog, ingest_ledger, sensor, department, product CASCADE");
    }

    @Test
    void aDatabaseThatIsDownAtStartIsWaitedFor(@TempDir Path dropDir) throws Exception {
        generate(dropDir, FILES);
        try (TcpProxy proxy = TcpProxy.forJdbcUrl(database.jdbcUrl())) {
            proxy.cut();
            CompletableFuture<RunningLoader> starting = CompletableFuture.supplyAsync(() -> start(proxy, dropDir),
                    Executors.newVirtualThreadPerTaskExecutor());
            Thread.sleep(1_500);
            assertThat(starting).as("start-up waits for the database").isNotDone();
            assertThat(RunningLoader.namesIn(dropDir)).hasSize(FILES);

            proxy.restore();
            try (RunningLoader loader = starting.get()) {
                loader.awaitDrained(Duration.ofMinutes(2));
            }
        }
        assertLoadedExactlyOnce(dropDir);
    }

    @Test
    void theServerAddressUnreachableInTheMiddleOfARunKeepsTheFilesUntilItIsBack(@TempDir Path dropDir) throws Exception {
        generate(dropDir, FILES);
        try (TcpProxy proxy = TcpProxy.forJdbcUrl(database.jdbcUrl()); RunningLoader loader = start(proxy, dropDir)) {
            awaitSomeLoaded(dropDir);
            proxy.cut();
            Thread.sleep(2_000);
            assertThat(RunningLoader.namesIn(dropDir)).as("nothing moved aside while the database is away").doesNotContain(".error");

            proxy.restore();
            loader.awaitDrained(Duration.ofMinutes(2));
        }
        assertLoadedExactlyOnce(dropDir);
    }

    @Test
    void connectionsTerminatedByTheServerAreRetried(@TempDir Path dropDir) throws Exception {
        generate(dropDir, FILES);
        try (RunningLoader loader = RunningLoader.start(database, dropDir)) {
            awaitSomeLoaded(dropDir);
            for (int i = 0; i < 5; i++) {
                database.execute("SELECT pg_terminate_backend(pid) FROM pg_stat_activity "
                        + "WHERE datname = current_database() AND pid <> pg_backend_pid()");
                Thread.sleep(150);
            }
            loader.awaitDrained(Duration.ofMinutes(2));
        }
        assertLoadedExactlyOnce(dropDir);
    }

    private RunningLoader start(TcpProxy proxy, Path dropDir) {
        try {
            return RunningLoader.start(database, proxy.proxiedUrl(database.jdbcUrl()), RunningLoader.fastSettings(dropDir));
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }

    private static void generate(Path dropDir, int minutes) throws Exception {
        new SampleFileGenerator(dropDir, 2, GenerationProgress.NONE).generate(MinuteRange.starting(MinuteRange.MONTH_FIRST, minutes));
    }

    private static void awaitSomeLoaded(Path dropDir) throws Exception {
        long deadline = System.nanoTime() + Duration.ofSeconds(60).toNanos();
        while (RunningLoader.namesIn(dropDir.resolve(".done")).size() < 2) {
            assertThat(System.nanoTime()).as("first files loaded").isLessThan(deadline);
            Thread.sleep(20);
        }
    }

    private void assertLoadedExactlyOnce(Path dropDir) throws Exception {
        assertThat(RunningLoader.namesIn(dropDir)).containsExactly(".done");
        assertThat(RunningLoader.namesIn(dropDir.resolve(".done"))).hasSize(FILES);
        assertThat(database.queryRows("SELECT count(*), sum(row_count), count(DISTINCT checksum) FROM ingest_ledger WHERE status = 'loaded'"))
                .containsExactly(List.of((long) FILES, BigDecimal.valueOf(FILES * 1_914L), (long) FILES));
        assertThat(database.queryLong("SELECT count(*) FROM ingest_ledger WHERE status = 'failed'")).isZero();
        assertThat(database.queryLong("SELECT count(*) FROM datalog")).isEqualTo(FILES * 1_914L);
    }
}
