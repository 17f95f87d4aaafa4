package com.datawow.datalog.daemon;

import com.datawow.datalog.config.Settings;
import com.datawow.datalog.console.ConsoleRoutes;
import com.datawow.datalog.db.DatabaseProbe;
import com.datawow.datalog.db.Transactions;
import com.datawow.datalog.db.Warehouse;
import com.datawow.datalog.dimension.DimensionRoutes;
import com.datawow.datalog.dimension.Dimensions;
import com.datawow.datalog.failure.FailureClassifier;
import com.datawow.datalog.ingest.AfterFailedAttempt;
import com.datawow.datalog.ingest.DatalogWrites;
import com.datawow.datalog.ingest.DeadLetter;
import com.datawow.datalog.ingest.DropDirectory;
import com.datawow.datalog.ingest.GroupClaims;
import com.datawow.datalog.ingest.GroupCopy;
import com.datawow.datalog.ingest.GroupIntake;
import com.datawow.datalog.ingest.GroupLoad;
import com.datawow.datalog.ingest.IngestRoutes;
import com.datawow.datalog.ingest.IngestSettings;
import com.datawow.datalog.ingest.IngestSteps;
import com.datawow.datalog.ingest.IngestStatistics;
import com.datawow.datalog.ingest.OutageLog;
import com.datawow.datalog.ingest.RejectedRowsFile;
import com.datawow.datalog.ingest.RowQuarantine;
import com.datawow.datalog.ledger.FileLedger;
import com.datawow.datalog.ledger.RejectedRowTable;
import com.datawow.datalog.ops.Operations;
import com.datawow.datalog.ops.OperationsSettings;
import com.datawow.datalog.partition.DayPartitions;
import com.datawow.datalog.partition.Retention;
import com.datawow.datalog.partition.RetentionRoutes;
import com.datawow.datalog.write.CopyDatalogWriter;
import com.datawow.datalog.write.RefusedRowSearch;
import org.apache.camel.CamelContext;
import org.apache.camel.main.Main;

import javax.sql.DataSource;
import java.time.Clock;
import java.time.Duration;
import java.util.Map;
import java.util.Optional;

/**
 * The running loader: a camel-main application with the ingest and dimension routes over one
 * DataSource, its totals, its drop directory, and what must hold before its routes start.
 * Everything it holds is created in {@link #create} and passed down; nothing is global.
 */
public record IngestDaemon(Main main, IngestStatistics statistics, DropDirectory dropDirectory, Preparation beforeStart)
        implements AutoCloseable {

    public static final String CONTEXT_NAME = "datalog-loader";
    private static final Duration DRAIN_CHECK_INTERVAL = Duration.ofMillis(100);

    /** What must hold before the routes start: the database answers, the schema is applied, stale locks are gone. */
    @FunctionalInterface
    public interface Preparation {
        void run() throws InterruptedException;
    }

    /**
     * @param camelProperties {@code camel.*} settings handed to camel-main as they are
     * @param operations      HTTP health and metrics, remote JMX, progress
     */
    public static IngestDaemon create(IngestSettings settings, DataSource dataSource, Map<String, String> camelProperties, Clock clock,
                                      OperationsSettings operations) {
        IngestStatistics statistics = new IngestStatistics(clock);
        DropDirectory dropDirectory = new DropDirectory(settings.dropDir()).create();
        Main main = new Main();
        main.configure().withName(CONTEXT_NAME);
        main.configure().withShutdownTimeout(60);
        Operations.install(main, CONTEXT_NAME, operations, statistics, dropDirectory, dataSource);
        camelProperties.forEach(main::addInitialProperty);

        Transactions transactions = new Transactions(dataSource);
        main.bind(Warehouse.DATA_SOURCE_BEAN, dataSource);
        main.bind(Transactions.REQUIRED, transactions.policy(Transactions.REQUIRED));
        main.bind(Transactions.REQUIRES_NEW, transactions.policy(Transactions.REQUIRES_NEW));

        FailureClassifier classifier = new FailureClassifier();
        FileLedger ledger = new FileLedger(dataSource);
        DayPartitions partitions = new DayPartitions(dataSource);
        OutageLog outageLog = new OutageLog(clock);
        GroupClaims claims = new GroupClaims(dropDirectory, partitions, settings, clock);
        CopyDatalogWriter copyWriter = new CopyDatalogWriter(dataSource);
        GroupCopy groupCopy = new GroupCopy(copyWriter, classifier);
        RejectedRowTable rejectedRows = new RejectedRowTable(dataSource);
        main.configure().addRoutesBuilder(new DimensionRoutes(new Dimensions()));
        main.configure().addRoutesBuilder(new IngestRoutes(settings, new IngestSteps(
                new GroupIntake(claims, statistics, settings.badRows().quarantines()
                        ? Optional.of(new RejectedRowsFile(dropDirectory, rejectedRows)) : Optional.empty()),
                new GroupLoad(settings, ledger, partitions, statistics, outageLog),
                new DatalogWrites(groupCopy),
                new AfterFailedAttempt(settings.retry(), classifier, outageLog, new DatabaseProbe(dataSource)::answers),
                new DeadLetter(ledger, classifier, dropDirectory, statistics, clock),
                new RowQuarantine(new RefusedRowSearch(copyWriter, dataSource, classifier), rejectedRows, classifier, groupCopy))));
        settings.retentionDays().ifPresent(days -> main.configure().addRoutesBuilder(
                new RetentionRoutes(new Retention(days, dataSource, clock))));
        if (operations.httpEnabled()) {
            // the operator's console, on the HTTP port of health and metrics
            main.configure().addRoutesBuilder(new ConsoleRoutes(operations, statistics, dropDirectory, dataSource, clock));
        }
        return new IngestDaemon(main, statistics, dropDirectory, () -> {
            DatabaseReadiness.awaitAndPrepare(dataSource, settings.retry().backoff());
            claims.removeOrphanedLocks();
        });
    }

    /** Settings for {@link #create} from the layered configuration. */
    public static Map<String, String> camelProperties(Settings settings) {
        return settings.withPrefix("camel.");
    }

    /** Waits for the database, applies the schema, starts the routes; returns at once after. */
    public void start() throws Exception {
        beforeStart.run();
        main.start();
    }

    /** Runs until the JVM is asked to stop (SIGTERM, Ctrl-C) or {@link #close} is called. */
    public void runUntilStopped() throws Exception {
        beforeStart.run();
        main.run();
    }

    /**
     * Waits until no file is waiting and none is in flight.
     * @return false if the timeout passed first
     */
    public boolean awaitDrained(Duration timeout) throws InterruptedException {
        long deadline = System.nanoTime() + timeout.toNanos();
        // a file leaves the directory only inside an exchange (archived or dead-lettered): once none
        // waits and no exchange is in flight, nothing is left to do
        while (System.nanoTime() < deadline) {
            if (dropDirectory.waitingFiles() == 0 && camelContext().getInflightRepository().size() == 0) {
                return true;
            }
            Thread.sleep(DRAIN_CHECK_INTERVAL.toMillis());
        }
        return false;
    }

    public CamelContext camelContext() {
        return main.getCamelContext();
    }

    @Override
    public void close() {
        main.stop();
    }
}
