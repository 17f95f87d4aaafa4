package com.datawow.datalog.ingest;

import com.datawow.datalog.tools.generate.GenerationProgress;
import com.datawow.datalog.tools.generate.MinuteRange;
import com.datawow.datalog.tools.generate.SampleFileGenerator;
import com.datawow.datalog.daemon.DatabaseReadiness;
import com.datawow.datalog.testing.LoaderChecks;
import com.datawow.datalog.testing.InProcessLoaderFixture;
import com.datawow.datalog.testing.PostgresExtension;
import com.datawow.datalog.testing.RouteCounters;
import com.datawow.datalog.testing.RunningLoader;
import com.datawow.datalog.testing.TcpProxy;
import com.datawow.datalog.testing.TestDatabase;
import org.apache.camel.builder.AdviceWith;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;

import java.math.BigDecimal;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicInteger;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * A database outage is not bad input: no file is moved aside, and everything loads once the
 * database is back, exactly once.
 */
@ExtendWith(PostgresExtension.class)
class DatabaseOutageTest {

    private static final int FILES = 24;

    /** An emptied warehouse, what OutageLog and DatabaseReadiness log. */
    @RegisterExtension
    final InProcessLoaderFixture fixture = InProcessLoaderFixture.alsoLogging(DatabaseReadiness.class);

    @Test
    void aDatabaseThatIsDownAtStartIsWaitedFor(@TempDir Path dropDir) throws Exception {
        generate(dropDir, FILES);
        try (TcpProxy proxy = TcpProxy.forJdbcUrl(fixture.database().jdbcUrl())) {
            proxy.cut();
            CompletableFuture<RunningLoader> starting = CompletableFuture.supplyAsync(() -> start(proxy, dropDir),
                    Executors.newVirtualThreadPerTaskExecutor());
            fixture.log().awaitLine("WARN Database not reachable yet", Duration.ofSeconds(30));   // it tried, and waits
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
    void theServerAddressUnreachableInTheMiddleOfAGroupKeepsTheFilesUntilItIsBack(@TempDir Path dropDir) throws Exception {
        try (TcpProxy proxy = TcpProxy.forJdbcUrl(fixture.database().jdbcUrl()); RunningLoader loader = start(proxy, dropDir)) {
            beforeLoadingFileNumber(loader, 3, proxy::cut);            // the group's third file: some rows are written
            generate(dropDir, FILES);

            LoaderChecks.awaitUntil("two attempts failed while the database is away", Duration.ofMinutes(1),
                    () -> RouteCounters.failed(loader.daemon().camelContext(), IngestRoutes.LOAD_GROUP) >= 2,
                    () -> fixture.outageLog().lines().toString());
            assertThat(RunningLoader.namesIn(dropDir)).as("nothing moved aside while the database is away").doesNotContain(".error", ".done");

            proxy.restore();
            loader.awaitDrained(Duration.ofMinutes(2));
        }
        assertLoadedExactlyOnce(dropDir);
        assertThat(fixture.outageLog().count("WARN Database unavailable")).as("one line when the outage starts").isEqualTo(1);
        assertThat(fixture.outageLog().count("INFO Database available again")).as("one line when it ends").isEqualTo(1);
    }

    @Test
    void aGroupWhoseConnectionTheServerTerminatesIsRetried(@TempDir Path dropDir) throws Exception {
        TestDatabase database = fixture.database();
        try (RunningLoader loader = RunningLoader.start(database, database.jdbcUrl(), RunningLoader.fastSettings(dropDir).withConcurrency(1))) {
            beforeLoadingFileNumber(loader, 3, () -> database.execute("SELECT pg_terminate_backend(pid) FROM pg_stat_activity "
                    + "WHERE datname = current_database() AND pid <> pg_backend_pid() AND xact_start IS NOT NULL")); // the group's (in its COPY)
            generate(dropDir, FILES);

            loader.awaitDrained(Duration.ofMinutes(2));
            assertThat(RouteCounters.failed(loader.daemon().camelContext(), IngestRoutes.LOAD_GROUP)).as("the attempt that lost its session")
                    .isEqualTo(1);
        }
        assertLoadedExactlyOnce(dropDir);
    }

    /** Weaves {@code action} into load-file, once, when the group's {@code number}th file begins (the group's transaction holds rows by then). */
    private static void beforeLoadingFileNumber(RunningLoader loader, int number, Runnable action) throws Exception {
        AtomicInteger files = new AtomicInteger();
        AdviceWith.adviceWith(loader.daemon().camelContext(), IngestRoutes.LOAD_FILE, route -> route.weaveAddFirst().process(exchange -> {
            if (files.incrementAndGet() == number) {
                action.run();
            }
        }));
    }

    private RunningLoader start(TcpProxy proxy, Path dropDir) {
        try {
            return fixture.startBehind(proxy, RunningLoader.fastSettings(dropDir));
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }

    private static void generate(Path dropDir, int minutes) throws Exception {
        new SampleFileGenerator(dropDir, 2, GenerationProgress.NONE).generate(MinuteRange.starting(MinuteRange.MONTH_FIRST, minutes));
    }

    private void assertLoadedExactlyOnce(Path dropDir) throws Exception {
        TestDatabase database = fixture.database();
        assertThat(RunningLoader.namesIn(dropDir)).containsExactly(".done");
        assertThat(RunningLoader.namesIn(dropDir.resolve(".done"))).hasSize(FILES);
        assertThat(database.queryRows("SELECT count(*), sum(row_count), count(DISTINCT checksum) FROM ingest_ledger WHERE status = 'loaded'"))
                .containsExactly(List.of((long) FILES, BigDecimal.valueOf(FILES * 1_914L), (long) FILES));
        assertThat(database.queryLong("SELECT count(*) FROM ingest_ledger WHERE status = 'failed'")).isZero();
        assertThat(database.queryLong("SELECT count(*) FROM datalog")).isEqualTo(FILES * 1_914L);
    }
}
