package com.datawow.datalog.ops;

import com.datawow.datalog.db.DatabaseProbe;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;

import java.time.Duration;

/**
 * {@code datalog_database_up}: 1 when the warehouse answers {@code SELECT 1} at scrape time, else 0.
 * It asks the way readiness does, within the same timeout, so a scrape of a loader whose database
 * is unreachable still answers (with 0) after at most that long instead of hanging until
 * Prometheus gives up and reports the whole loader down.
 */
final class DatabaseUpGauge {

    private DatabaseUpGauge() {
    }

    static void bind(MeterRegistry registry, DatabaseProbe database, Duration timeout) {
        Gauge.builder("datalog.database.up", database, probe -> probe.ask(timeout).answered() ? 1 : 0)
                .description("Whether the warehouse answers SELECT 1 within " + timeout.toMillis() + " ms (1) or not (0)")
                .register(registry);
    }
}
