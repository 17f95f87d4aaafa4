package com.datawow.datalog.ingest;

import com.datawow.datalog.failure.Causes;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.sql.SQLException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.concurrent.atomic.AtomicReference;

/** Logs a database outage once when it starts and once when it ends, not at every retry. */
public final class OutageLog {

    private static final Logger LOG = LoggerFactory.getLogger(OutageLog.class);

    private final Clock clock;
    private final AtomicReference<Instant> outageSince = new AtomicReference<>();

    public OutageLog(Clock clock) {
        this.clock = clock;
    }

    /** @param files the files that wait, for the log line ("'a.parquet' and 49 more") */
    public void failed(String files, Throwable cause) {
        if (outageSince.compareAndSet(null, clock.instant())) {
            LOG.warn("Database unavailable ({}). Files stay in the drop directory ({}); retrying with back-off until the database is back.",
                    rootMessage(cause), files);
        } else {
            LOG.debug("Database still unavailable ({}), {} wait", rootMessage(cause), files);
        }
    }

    public void succeeded() {
        Instant since = outageSince.getAndSet(null);
        if (since != null) {
            LOG.info("Database available again after {} s; loading resumes.", Duration.between(since, clock.instant()).toSeconds());
        }
    }

    /** The database's own words where there are some (the first SQLException), else the root cause. */
    private static String rootMessage(Throwable failure) {
        return Causes.describe(Causes.find(failure, SQLException.class).map(Throwable.class::cast).orElseGet(() -> Causes.root(failure)));
    }
}
