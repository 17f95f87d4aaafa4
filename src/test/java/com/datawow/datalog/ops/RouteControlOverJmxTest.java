package com.datawow.datalog.ops;

import com.datawow.datalog.testing.PostgresExtension;
import com.datawow.datalog.testing.RunningLoader;
import com.datawow.datalog.testing.TestDatabase;
import org.apache.camel.builder.NotifyBuilder;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;

import javax.management.MBeanServer;
import javax.management.ObjectName;
import java.lang.management.ManagementFactory;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Date;
import java.util.List;
import java.util.concurrent.TimeUnit;

import static org.assertj.core.api.Assertions.assertThat;

/** An operator pauses and resumes the file route through JMX, as jconsole or a JMX client would. */
@ExtendWith(PostgresExtension.class)
class RouteControlOverJmxTest {

    private static final String INGEST_ROUTE = "org.apache.camel:context=datalog-loader,type=routes,name=\"ingest-files\"";
    private static final String LOAD_FILE_ROUTE = "org.apache.camel:context=datalog-loader,type=routes,name=\"load-file\"";
    /**
     * Twenty times the test poll delay (100 ms): a route that ran would poll again and again in that
     * time; watched through the route's own exchanges (NotifyBuilder), not guessed from the files.
     */
    private static final Duration SEVERAL_POLLS = Duration.ofMillis(2_000);

    private final MBeanServer mbeans = ManagementFactory.getPlatformMBeanServer();

    @Test
    void suspendedOrStoppedRouteTakesNoFileAndLoadsThemAfterResumeOrStart(TestDatabase database, @TempDir Path staging,
                                                                        @TempDir Path dropDir) throws Exception {
        SampleFiles samples = SampleFiles.generate(staging, 0, 6);
        ObjectName route = new ObjectName(INGEST_ROUTE);
        try (RunningLoader loader = RunningLoader.start(database, dropDir)) {
            samples.drop(dropDir, 2);
            loader.awaitDrained(Duration.ofMinutes(1));
            assertThat(ledgerRows(database)).isEqualTo(2);
            assertThat(mbeans.getAttribute(route, "State")).isEqualTo("Started");

            new Pause("suspend", "Suspended", "resume").takesNoFileUntilUndone(route, loader, samples, dropDir, database);
            new Pause("stop", "Stopped", "start").takesNoFileUntilUndone(route, loader, samples, dropDir, database);
            assertThat(database.queryLong("SELECT count(*) FROM datalog")).isEqualTo(6 * 1_914);
        }
    }

    /** A JMX operation that pauses the route ({@code operation}, leaving it {@code state}) and the one that undoes it. */
    private record Pause(String operation, String state, String undo) {

        /** While paused the route polls no more and two dropped files wait; once undone, they are loaded. */
        void takesNoFileUntilUndone(ObjectName route, RunningLoader loader, SampleFiles samples, Path dropDir, TestDatabase database)
                throws Exception {
            MBeanServer mbeans = ManagementFactory.getPlatformMBeanServer();
            long ledgerRowsBefore = ledgerRows(database);
            mbeans.invoke(route, operation, new Object[0], new String[0]);
            assertThat(mbeans.getAttribute(route, "State")).isEqualTo(state);
            NotifyBuilder anyPoll = new NotifyBuilder(loader.daemon().camelContext()).fromRoute("ingest-files").whenReceived(1).create();
            List<String> whilePaused = samples.drop(dropDir, 2);
            assertThat(anyPoll.matches(SEVERAL_POLLS.toMillis(), TimeUnit.MILLISECONDS))
                    .as("the route polls (every 100 ms when running) while " + state).isFalse();
            assertThat(RunningLoader.namesIn(dropDir)).containsAll(whilePaused);
            assertThat(ledgerRows(database)).as("files taken while " + state).isEqualTo(ledgerRowsBefore);

            mbeans.invoke(route, undo, new Object[0], new String[0]);
            loader.awaitDrained(Duration.ofMinutes(1));
            assertThat(ledgerRows(database)).isEqualTo(ledgerRowsBefore + 2);
            assertThat(RunningLoader.namesIn(dropDir.resolve(".done"))).containsAll(whilePaused);
        }
    }

    @Test
    void routeAndLoaderMBeansShowWhatWasLoaded(TestDatabase database, @TempDir Path staging, @TempDir Path dropDir) throws Exception {
        SampleFiles samples = SampleFiles.generate(staging, 100, 3);
        try (RunningLoader loader = RunningLoader.start(database, dropDir)) {
            List<String> dropped = samples.drop(dropDir, 3);
            loader.awaitDrained(Duration.ofMinutes(1));

            ObjectName route = new ObjectName(INGEST_ROUTE);
            assertThat(mbeans.getAttribute(route, "CamelId")).isEqualTo(loader.daemon().camelContext().getName());
            assertThat(mbeans.getAttribute(route, "ExchangesFailed")).isEqualTo(0L);
            assertThat(mbeans.getAttribute(route, "ExchangesInflight")).isEqualTo(0L);
            assertThat((Date) mbeans.getAttribute(route, "LastExchangeCompletedTimestamp")).isNotNull();
            assertThat(mbeans.getAttribute(new ObjectName(LOAD_FILE_ROUTE), "ExchangesTotal")).as("one exchange per file loaded").isEqualTo(3L);

            ObjectName loaderStatus = IngestStatus.objectName("datalog-loader");
            assertThat(mbeans.getAttribute(loaderStatus, "FilesLoaded")).isEqualTo(3L);
            assertThat(mbeans.getAttribute(loaderStatus, "FilesDuplicate")).isEqualTo(0L);
            assertThat(mbeans.getAttribute(loaderStatus, "FilesFailed")).isEqualTo(0L);
            assertThat(mbeans.getAttribute(loaderStatus, "RowsLoaded")).isEqualTo(3L * 1_914);
            assertThat(mbeans.getAttribute(loaderStatus, "Backlog")).isEqualTo(0L);
            assertThat((String) mbeans.getAttribute(loaderStatus, "LastFile")).isIn(dropped);
            assertThat((String) mbeans.getAttribute(loaderStatus, "LastSuccess")).isNotEmpty();
        }
        assertThat(mbeans.isRegistered(IngestStatus.objectName("datalog-loader"))).as("unregistered when the loader stops").isFalse();
    }

    private static long ledgerRows(TestDatabase database) {
        return database.queryLong("SELECT count(*) FROM ingest_ledger WHERE status = 'loaded'");
    }
}
