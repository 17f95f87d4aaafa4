package com.datawow.datalog.partition;

import org.apache.camel.builder.endpoint.EndpointRouteBuilder;

import java.time.Duration;

/** Retention, when configured: at start and then every hour, whole days older than the setting are dropped. */
public final class RetentionRoutes extends EndpointRouteBuilder {

    public static final String RETENTION = "retention";

    /** Looks for days to drop at start and then this often: a day ages by the hour at most. */
    static final Duration INTERVAL = Duration.ofHours(1);

    private final Retention retention;

    public RetentionRoutes(Retention retention) {
        this.retention = retention;
    }

    @Override
    public void configure() {
        from(scheduler(RETENTION).initialDelay(0).delay(INTERVAL.toMillis())).routeId(RETENTION)
                .description("Drops the day partitions older than the retention (today: the days before " + retention.firstDayKept() + ")")
                .process(exchange -> retention.dropExpired());
    }
}
