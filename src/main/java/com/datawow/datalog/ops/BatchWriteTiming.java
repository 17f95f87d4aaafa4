package com.datawow.datalog.ops;

import com.datawow.datalog.ingest.IngestRoutes;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;
import org.apache.camel.CamelContext;
import org.apache.camel.Exchange;
import org.apache.camel.NamedNode;
import org.apache.camel.Route;
import org.apache.camel.spi.RoutePolicy;
import org.apache.camel.spi.RoutePolicyFactory;
import org.apache.camel.support.RoutePolicySupport;

import java.time.Duration;
import java.util.concurrent.TimeUnit;
import java.util.stream.LongStream;

/**
 * {@code datalog_batch_write_seconds}: how long one batch takes in the {@code write-batch} route
 * (COPY or batch INSERT), timed by a route policy so the route and its steps stay as they are.
 * A histogram: {@code _bucket{le}}, {@code _count}, {@code _sum}, and {@code _max} beside it.
 */
public final class BatchWriteTiming implements RoutePolicyFactory {

    private static final String STARTED_AT = "datalog.batchWriteStarted";
    private static final Duration[] BUCKETS = LongStream.of(5, 10, 25, 50, 100, 250, 500, 1_000, 2_500, 5_000, 10_000, 30_000)
            .mapToObj(Duration::ofMillis).toArray(Duration[]::new);

    private final Timer timer;

    public BatchWriteTiming(MeterRegistry registry) {
        this.timer = Timer.builder("datalog.batch.write")
                .description("Time to write one batch of datalog rows")
                // a dozen fixed buckets around a batch's usual 10-100 ms: enough for a p95 in PromQL
                // (histogram_quantile), without the ~70 series of Micrometer's percentile histogram
                .serviceLevelObjectives(BUCKETS)
                .register(registry);
    }

    @Override
    public RoutePolicy createRoutePolicy(CamelContext camelContext, String routeId, NamedNode route) {
        return IngestRoutes.WRITE_BATCH.equals(routeId) ? new Policy() : null;
    }

    private final class Policy extends RoutePolicySupport {
        @Override
        public void onExchangeBegin(Route route, Exchange exchange) {
            exchange.setProperty(BatchWriteTiming.STARTED_AT, System.nanoTime());
        }

        @Override
        public void onExchangeDone(Route route, Exchange exchange) {
            Long started = exchange.getProperty(BatchWriteTiming.STARTED_AT, Long.class);
            if (started != null && exchange.getException() == null) {
                timer.record(System.nanoTime() - started, TimeUnit.NANOSECONDS);
            }
        }
    }
}
