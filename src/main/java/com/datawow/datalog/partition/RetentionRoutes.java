package com.datawow.datalog.partition;

import org.apache.camel.builder.endpoint.EndpointRouteBuilder;

import java.time.Duration;

/** Retention, when configured: at start and then every {@code interval}, whole days older than the setting are dropped. */
public final class RetentionRoutes extends EndpointRouteBuilder {

    public static final String RETENTION = "retention";

    private final Retention retention;
    private final Duration interval;

    public RetentionRoutes(Retention retention, Duration interval) {
        this.retention = retention;
        this.interval = interval;
    }

    @Override
    public void configure() {
        from(scheduler(RETENTION).initialDelay(0).delay(interval.toMillis())).routeId(RETENTION)
                .description("Drops the day partitions older than the retention (today: the days before " + retention.firstDayKept() + ")")
                .process(exchange -> retention.dropExpired());
    }
}
