package com.datawow.datalog.daemon;

import com.datawow.datalog.db.Schema;
import com.datawow.datalog.ingest.Backoff;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import javax.sql.DataSource;
import java.sql.SQLException;

/**
 * At start-up: waits for the database (a daemon must not die because the database starts
 * after it), then applies the schema if anything of it is missing.
 */
public final class DatabaseReadiness {

    private static final Logger LOG = LoggerFactory.getLogger(DatabaseReadiness.class);

    private DatabaseReadiness() {
    }

    static void awaitAndPrepare(DataSource dataSource, Backoff backoff) throws InterruptedException {
        for (int failedAttempts = 1; ; failedAttempts++) {
            try {
                Schema.apply(dataSource);
                if (failedAttempts > 1) {
                    LOG.info("Database reachable; schema in place.");
                }
                return;
            } catch (SQLException | RuntimeException e) {
                if (failedAttempts == 1) {
                    LOG.warn("Database not reachable yet ({}); waiting for it, retrying with back-off.", e.getMessage());
                }
                Thread.sleep(backoff.after(failedAttempts).toMillis());
            }
        }
    }
}
