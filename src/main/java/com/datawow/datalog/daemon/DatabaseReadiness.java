package com.datawow.datalog.daemon;

import com.datawow.datalog.db.Schema;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import javax.sql.DataSource;
import java.sql.SQLException;
import java.time.Duration;

/**
 * At start-up: waits for the database (a daemon must not die because the database starts
 * after it), then applies the schema if anything of it is missing.
 */
final class DatabaseReadiness {

    private static final Logger LOG = LoggerFactory.getLogger(DatabaseReadiness.class);

    private DatabaseReadiness() {
    }

    static void awaitAndPrepare(DataSource dataSource, Duration initialDelay, Duration maxDelay) throws InterruptedException {
        Duration delay = initialDelay;
        boolean warned = false;
        while (true) {
            try {
                Schema.apply(dataSource);
                if (warned) {
                    LOG.info("Database reachable; schema in place.");
                }
                return;
            } catch (SQLException | RuntimeException e) {
                if (!warned) {
                    LOG.warn("Database not reachable yet ({}); waiting for it, retrying with back-off.", e.getMessage());
                    warned = true;
                }
                Thread.sleep(delay.toMillis());
                delay = delay.multipliedBy(2).compareTo(maxDelay) > 0 ? maxDelay : delay.multipliedBy(2);
            }
        }
    }
}
