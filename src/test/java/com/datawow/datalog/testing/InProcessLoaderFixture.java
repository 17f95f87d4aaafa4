package com.datawow.datalog.testing;

import com.datawow.datalog.db.DatabaseSettings;
import com.datawow.datalog.ingest.IngestSettings;
import com.datawow.datalog.ingest.OutageLog;
import com.datawow.datalog.ops.OperationsSettings;
import org.junit.jupiter.api.extension.AfterEachCallback;
import org.junit.jupiter.api.extension.BeforeEachCallback;
import org.junit.jupiter.api.extension.ExtensionContext;

import java.time.Duration;

/**
 * The set-up shared by the tests that stage database outages and failures for a loader running in
 * this JVM ({@link RunningLoader}): the test class's database ({@link PostgresExtension}) emptied
 * of the warehouse's tables before each test, so that each test's loader starts on a database it
 * has to set up itself; what {@link OutageLog} logs during the test; and what one more class of
 * the loader logs, the one the test is about.
 *
 * <pre>{@code
 * @RegisterExtension
 * final InProcessLoaderFixture fixture = InProcessLoaderFixture.alsoLogging(AfterFailedAttempt.class);
 * }</pre>
 */
public final class InProcessLoaderFixture implements BeforeEachCallback, AfterEachCallback {

    /**
     * {@code datalog.db-connection-timeout-ms} of the loaders behind a proxy: with the proxy cut, an
     * attempt fails (and the outage begins) after this long instead of the default 5 s, and nothing
     * else changes. Not shorter: on a busy machine opening a connection can take a second, and a
     * timeout then would be an outage the test did not stage.
     */
    static final Duration CONNECTION_TIMEOUT = Duration.ofSeconds(2);

    private final LogLines outageLog = LogLines.of(OutageLog.class);
    private final LogLines log;
    private TestDatabase database;

    private InProcessLoaderFixture(Class<?> source) {
        this.log = LogLines.of(source);
    }

    /** The fixture, with {@link #log()} collecting what {@code source} logs. */
    public static InProcessLoaderFixture alsoLogging(Class<?> source) {
        return new InProcessLoaderFixture(source);
    }

    @Override
    public void beforeEach(ExtensionContext context) {
        database = PostgresExtension.database(context);
        database.execute("DROP TABLE IF EXISTS rejected_row, datalog, ingest_ledger, sensor, department, product CASCADE");
        outageLog.beforeEach(context);
        log.beforeEach(context);
    }

    @Override
    public void afterEach(ExtensionContext context) {
        log.afterEach(context);
        outageLog.afterEach(context);
    }

    public TestDatabase database() {
        return database;
    }

    /** What {@link OutageLog} logged during this test ("WARN Database unavailable", "INFO Database available again"). */
    public LogLines outageLog() {
        return outageLog;
    }

    /** What the class given to {@link #alsoLogging} logged during this test. */
    public LogLines log() {
        return log;
    }

    /**
     * A loader in this JVM on the test database through {@code proxy}, so that the test can cut it
     * off; it waits {@link #CONNECTION_TIMEOUT} for a connection.
     */
    public RunningLoader startBehind(TcpProxy proxy, IngestSettings settings) throws Exception {
        DatabaseSettings behindProxy = DatabaseSettings.of(proxy.proxiedUrl(database.jdbcUrl()), database.user(), database.password(), 1)
                .withConnectionTimeout(CONNECTION_TIMEOUT);
        return RunningLoader.start(behindProxy, settings, OperationsSettings.quiet());
    }
}
