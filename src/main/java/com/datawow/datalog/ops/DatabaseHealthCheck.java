package com.datawow.datalog.ops;

import com.datawow.datalog.db.DatabaseProbe;
import org.apache.camel.health.HealthCheckResultBuilder;
import org.apache.camel.impl.health.AbstractHealthCheck;

import java.time.Duration;
import java.util.Map;

/**
 * Readiness: the warehouse answers {@code SELECT 1} within a short time. Not a liveness check:
 * the daemon is alive (and retrying) while the database is away, so it must not be restarted for it.
 */
public final class DatabaseHealthCheck extends AbstractHealthCheck {

    public static final String ID = "database";

    private final DatabaseProbe database;
    private final Duration timeout;

    public DatabaseHealthCheck(DatabaseProbe database, Duration timeout) {
        super("datalog", ID);
        this.database = database;
        this.timeout = timeout;
    }

    @Override
    public boolean isLiveness() {
        return false;
    }

    @Override
    protected void doCall(HealthCheckResultBuilder builder, Map<String, Object> options) {
        DatabaseProbe.Answer answer = database.ask(timeout);
        if (answer.answered()) {
            builder.up();
        } else {
            builder.down().message(answer.problem());
            answer.cause().ifPresent(builder::error);
        }
    }
}
