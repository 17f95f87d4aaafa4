package com.datawow.datalog.ingest;

import com.datawow.datalog.parquet.SampleRows;
import com.datawow.datalog.parquet.SensorLogFixture;
import com.datawow.datalog.testing.InProcessLoaderFixture;
import com.datawow.datalog.testing.LogLines;
import com.datawow.datalog.testing.PostgresExtension;
import com.datawow.datalog.testing.RunningLoader;
import com.datawow.datalog.testing.TcpProxy;
import com.datawow.datalog.testing.LoaderChecks;
import com.datawow.datalog.testing.RouteCounters;
import org.apache.camel.builder.AdviceWith;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.LocalDateTime;
import java.time.format.DateTimeFormatter;
import java.util.List;
import java.util.concurrent.atomic.AtomicBoolean;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * A failure that is neither bad input nor a known outage (a fault woven into the write step with
 * AdviceWith): while the database answers, the group is tried a few times, then one file at a
 * time, and only the file that keeps failing is put aside; while the database does not answer, it
 * is an outage and nothing is put aside. A loader stopped in the middle of a back-off stops at once.
 */
@ExtendWith(PostgresExtension.class)
class UnexpectedFailureTest {

    private static final int ROWS = 100;
    private static final LocalDateTime FIRST = LocalDateTime.of(2023, 1, 20, 10, 0);
    private static final DateTimeFormatter FILE_NAME = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm:ss'.parquet'");
    private static final String FAULTY = FILE_NAME.format(FIRST.plusMinutes(2));

    /** An emptied warehouse, what OutageLog and AfterFailedAttempt log. */
    @RegisterExtension
    final InProcessLoaderFixture fixture = InProcessLoaderFixture.alsoLogging(AfterFailedAttempt.class);
    @TempDir
    Path dropDir;

    @Test
    void whileTheDatabaseAnswersOnlyTheFileThatKeepsFailingIsPutAsideAfterItsTries() throws Exception {
        LogLines attempts = fixture.log();
        try (RunningLoader loader = RunningLoader.start(fixture.database(), dropDir)) {
            failWritingTheFaultyFile(loader, new AtomicBoolean(true));
            List<String> names = dropFiles(5);

            loader.awaitDrained(Duration.ofMinutes(1));

            assertThat(RunningLoader.namesIn(dropDir.resolve(DropDirectory.ERROR))).containsExactly(FAULTY, FAULTY + ".error.txt");
            assertThat(Files.readString(dropDir.resolve(DropDirectory.ERROR).resolve(FAULTY + ".error.txt")))
                    .contains("kind: unexpected", "woven fault");
            assertThat(RunningLoader.namesIn(dropDir.resolve(DropDirectory.DONE))).containsExactlyElementsOf(
                    names.stream().filter(name -> !name.equals(FAULTY)).toList());
            assertThat(attempts.count("WARN " + "'" + names.getFirst() + "' and 4 more failed unexpectedly")).as(attempts.lines().toString())
                    .isEqualTo(2);
            assertThat(attempts.count("WARN '" + names.getFirst() + "' and 4 more failed 3 times unexpectedly; loading its files one at a time"))
                    .isEqualTo(1);
            assertThat(attempts.count("WARN '" + FAULTY + "' failed unexpectedly")).isEqualTo(2);
            assertThat(fixture.database().queryLong("SELECT count(*) FROM ingest_ledger WHERE status = 'loaded'")).isEqualTo(4);
        }
    }

    @Test
    void whileTheDatabaseDoesNotAnswerTheSameFailureIsAnOutageAndNothingIsPutAside() throws Exception {
        AtomicBoolean faulty = new AtomicBoolean(true);
        // one try while the database answers: a second failed attempt proves the first was not held against the file
        IngestSettings oneTry = RunningLoader.fastSettings(dropDir).withRetry(new IngestSettings.Retry(Duration.ofMillis(200), Duration.ofMillis(1_000), 1));
        LogLines outageLog = fixture.outageLog();
        try (TcpProxy proxy = TcpProxy.forJdbcUrl(fixture.database().jdbcUrl()); RunningLoader loader = fixture.startBehind(proxy, oneTry)) {
            failWritingTheFaultyFile(loader, faulty);
            proxy.cut();
            List<String> names = dropFiles(3);

            LoaderChecks.awaitUntil("two attempts failed", Duration.ofMinutes(1),
                    () -> RouteCounters.failed(loader.daemon().camelContext(), IngestRoutes.LOAD_GROUP) >= 2, () -> outageLog.lines().toString());
            assertThat(outageLog.count("WARN Database unavailable")).isEqualTo(1);
            assertThat(RunningLoader.namesIn(dropDir)).as("nothing put aside").doesNotContain(DropDirectory.ERROR);

            faulty.set(false);
            proxy.restore();
            loader.awaitDrained(Duration.ofMinutes(1));
            assertThat(RunningLoader.namesIn(dropDir.resolve(DropDirectory.DONE))).containsExactlyElementsOf(names);
        }
        assertThat(outageLog.count("WARN Database unavailable")).as("one line when the outage starts").isEqualTo(1);
        assertThat(outageLog.count("INFO Database available again")).as("one line when it ends").isEqualTo(1);
    }

    @Test
    void aLoaderStoppedWhileItBacksOffStopsAtOnceAndLeavesTheFilesWaiting() throws Exception {
        IngestSettings slowRetries = RunningLoader.fastSettings(dropDir)
                .withRetry(new IngestSettings.Retry(Duration.ofMinutes(5), Duration.ofMinutes(5), 3));
        List<String> names;
        long stopping;
        try (TcpProxy proxy = TcpProxy.forJdbcUrl(fixture.database().jdbcUrl()); RunningLoader loader = fixture.startBehind(proxy, slowRetries)) {
            proxy.cut();
            names = dropFiles(2);
            fixture.outageLog().awaitLine("WARN Database unavailable", Duration.ofSeconds(30));   // the first attempt failed: backing off 5 minutes
            stopping = System.nanoTime();
        }
        assertThat(Duration.ofNanos(System.nanoTime() - stopping)).as("stopped without waiting out the back-off")
                .isLessThan(Duration.ofSeconds(15));
        assertThat(RunningLoader.namesIn(dropDir).stream().filter(name -> !name.startsWith(".")).toList())
                .as("the files wait for the next start").containsExactlyElementsOf(names);
    }

    private void failWritingTheFaultyFile(RunningLoader loader, AtomicBoolean faulty) throws Exception {
        AdviceWith.adviceWith(loader.daemon().camelContext(), IngestRoutes.WRITE_BATCH, route -> route.weaveAddFirst()
                .process(exchange -> {
                    if (faulty.get() && IngestExchange.file(exchange).name().equals(FAULTY)) {
                        throw new IllegalStateException("woven fault");
                    }
                }));
    }

    private List<String> dropFiles(int count) {
        SampleRows sample = new SampleRows(21);
        return java.util.stream.IntStream.range(0, count).mapToObj(i -> {
            String name = FILE_NAME.format(FIRST.plusMinutes(i));
            SensorLogFixture.of(sample.minute(FIRST.plusMinutes(i), ROWS)).writeTo(dropDir, name);
            return name;
        }).toList();
    }
}
