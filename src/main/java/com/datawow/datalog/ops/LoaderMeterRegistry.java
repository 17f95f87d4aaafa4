package com.datawow.datalog.ops;

import io.micrometer.core.instrument.config.MeterFilter;
import io.micrometer.prometheusmetrics.PrometheusConfig;
import io.micrometer.prometheusmetrics.PrometheusMeterRegistry;

/** The one meter registry of a loader, shared by Camel's meters and ours, served at {@code /observe/metrics}. */
final class LoaderMeterRegistry {

    /**
     * Camel's exchange event notifier registers this gauge when an exchange finishes and finds it missing:
     * check, then act. When the first two exchanges finish at once (two files load in parallel) both
     * register it, and Micrometer logs "This Gauge has been already registered" at start. It is left out;
     * {@code datalog_last_success_timestamp_seconds} says when a file last finished, which is what counts.
     */
    static final String CAMEL_LAST_EXCHANGE_TIMESTAMP = "camel.exchanges.last.timestamp";

    private LoaderMeterRegistry() {
    }

    static PrometheusMeterRegistry create() {
        PrometheusMeterRegistry registry = new PrometheusMeterRegistry(PrometheusConfig.DEFAULT);
        registry.config().meterFilter(MeterFilter.deny(id -> id.getName().equals(CAMEL_LAST_EXCHANGE_TIMESTAMP)));
        return registry;
    }
}
