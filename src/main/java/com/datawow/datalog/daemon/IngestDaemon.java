package com.datawow.datalog.daemon;

import com.datawow.datalog.config.Settings;
import com.datawow.datalog.console.ConsoleRoutes;
import com.datawow.datalog.ingest.DropDirectory;
import com.datawow.datalog.db.DatabaseProbe;
import com.datawow.datalog.db.Transactions;
import com.datawow.datalog.dimension.CamelDimensionUpserts;
import com.datawow.datalog.dimension.DimensionCache;
import com.datawow.datalog.dimension.DimensionResolver;
import com.datawow.datalog.dimension.DimensionRoutes;
import com.datawow.datalog.failure.FailureClassifier;
import com.datawow.datalog.ingest.FailedAttempts;
import com.datawow.datalog.ingest.FileLoadSteps;
import com.datawow.datalog.ingest.IngestRoutes;
import com.datawow.datalog.ingest.IngestSettings;
import com.datawow.datalog.ingest.IngestStatistics;
import com.datawow.datalog.ingest.OutageLog;
import com.datawow.datalog.ingest.RejectedFiles;
import com.datawow.datalog.ledger.FileLedger;
import com.datawow.datalog.ops.Operations;
import com.datawow.datalog.ops.OperationsSettings;
import com.datawow.datalog.write.CopyDatalogWriter;
import org.apache.camel.CamelContext;
import org.apache.camel.main.Main;

import javax.sql.DataSource;
import java.time.Clock;
import java.time.Duration;
import java.util.Map;

/**
 * The running loader: a camel-main application with the ingest and dimension routes over one
 * DataSource. Everything it holds is created here and passed down; nothing is global.
 */
public final class IngestDaemon implements AutoCloseable {

    public static final String CONTEXT_NAME = "datalog-loader";

    private final Main main;
    private final IngestSettings settings;
    private final DataSource dataSource;
    private final IngestStatistics statistics;
    private final DropDirectory dropDirectory;

    private IngestDaemon(Main main, IngestSettings settings, DataSource dataSource, IngestStatistics statistics, DropDirectory dropDirectory) {
        this.main = main;
        this.settings = settings;
        this.dataSource = dataSource;
        this.statistics = statistics;
        this.dropDirectory = dropDirectory;
    }

    /** A daemon with local JMX only: no HTTP server, no remote JMX, no progress output (embedded use, tests). */
    public static IngestDaemon create(IngestSettings settings, DataSource dataSource, Map<String, String> camelProperties, Clock clock) {
        return create(settings, dataSource, camelProperties, clock, OperationsSettings.quiet());
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
        main.bind("warehouse", dataSource);
        main.bind(Transactions.REQUIRED, transactions.policy(Transactions.REQUIRED));
        main.bind(Transactions.REQUIRES_NEW, transactions.policy(Transactions.REQUIRES_NEW));
        main.bind("ingestStatistics", statistics);

        FailureClassifier classifier = new FailureClassifier();
        FileLedger ledger = new FileLedger(dataSource);
        DimensionCache cache = new DimensionCache();
        // The upserts need the context's ProducerTemplate, which exists once main has started.
        CamelDimensionUpserts upserts = new CamelDimensionUpserts(() -> main.getCamelContext().createProducerTemplate());
        OutageLog outageLog = new OutageLog(clock);
        FileLoadSteps steps = new FileLoadSteps(settings, ledger, new DimensionResolver(cache, upserts),
                new CopyDatalogWriter(dataSource), statistics, outageLog);
        FailedAttempts failedAttempts = new FailedAttempts(settings, classifier, new RejectedFiles(ledger, classifier, clock), statistics,
                outageLog, new DatabaseProbe(dataSource)::answers);
        main.configure().addRoutesBuilder(new DimensionRoutes());
        main.configure().addRoutesBuilder(new IngestRoutes(settings, steps, failedAttempts));
        if (operations.httpEnabled()) {
            // the operator's console, on the HTTP port of health and metrics
            main.configure().addRoutesBuilder(new ConsoleRoutes(operations, statistics, dropDirectory, dataSource, clock));
        }
        return new IngestDaemon(main, settings, dataSource, statistics, dropDirectory);
    }

    /** Settings for {@link #create} from the layered configuration. */
    public static Map<String, String> camelProperties(Settings settings) {
        return settings.withPrefix("camel.");
    }

    /** Waits for the database, applies the schema, starts the routes; returns at once after. */
    public void start() throws Exception {
        DatabaseReadiness.awaitAndPrepare(dataSource, settings.retryInitialDelay(), settings.retryMaxDelay());
        main.start();
    }

    /** Runs until the JVM is asked to stop (SIGTERM, Ctrl-C) or {@link #close} is called. */
    public void runUntilStopped() throws Exception {
        DatabaseReadiness.awaitAndPrepare(dataSource, settings.retryInitialDelay(), settings.retryMaxDelay());
        main.run();
    }

    /**
     * Waits until no file is waiting and none is in flight, twice in a row one poll apart.
     * @return false if the timeout passed first
     */
    public boolean awaitDrained(Duration timeout) throws InterruptedException {
        long deadline = System.nanoTime() + timeout.toNanos();
        Duration pause = settings.pollDelay().plusMillis(100);
        int quietChecks = 0;
        while (System.nanoTime() < deadline) {
            boolean quiet = dropDirectory.waitingFiles() == 0 && camelContext().getInflightRepository().size() == 0;
            quietChecks = quiet ? quietChecks + 1 : 0;
            if (quietChecks >= 2) {
                return true;
            }
            Thread.sleep(pause.toMillis());
        }
        return false;
    }

    public CamelContext camelContext() {
        return main.getCamelContext();
    }

    public IngestStatistics statistics() {
        return statistics;
    }

    public DropDirectory dropDirectory() {
        return dropDirectory;
    }

    @Override
    public void close() {
        main.stop();
    }
}
