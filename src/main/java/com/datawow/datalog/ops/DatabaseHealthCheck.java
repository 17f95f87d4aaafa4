package com.datawow.datalog.ops;

import com.datawow.datalog.db.DatabaseProbe;
import org.apache.camel.health.HealthCheckResultBuilder;
import org.apache.camel.impl.health.AbstractHealthCheck;

import javax.sql.DataSource;
import java.time.Duration;
import java.util.Map;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

/**
 * Readiness: the warehouse answers {@code SELECT 1} within a short time. Not a liveness check:
 * the daemon is alive (and retrying) while the database is away, so it must not be restarted for it.
 */
public final class DatabaseHealthCheck extends AbstractHealthCheck {

    public static final String ID = "database";

    private final DatabaseProbe database;
    private final Duration timeout;
    // a pool connection can take its whole connection timeout to fail: the probe runs aside and is abandoned after `timeout`
    private final ExecutorService probes = Executors.newVirtualThreadPerTaskExecutor();

    public DatabaseHealthCheck(DataSource dataSource, Duration timeout) {
        super("datalog", ID);
        this.database = new DatabaseProbe(dataSource);
        this.timeout = timeout;
    }

    @Override
    public boolean isLiveness() {
        return false;
    }

    @Override
    protected void doCall(HealthCheckResultBuilder builder, Map<String, Object> options) {
        Future<?> probe = probes.submit(() -> {
            database.check(timeout);
            return null;
        });
        try {
            probe.get(timeout.toMillis(), TimeUnit.MILLISECONDS);
            builder.up();
        } catch (TimeoutException e) {
            probe.cancel(true);
            builder.down().message("The database did not answer SELECT 1 within " + timeout.toMillis() + " ms");
        } catch (ExecutionException e) {
            builder.down().message("The database is not reachable: " + e.getCause().getMessage()).error(e.getCause());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            builder.down().message("Interrupted while asking the database");
        }
    }
}
