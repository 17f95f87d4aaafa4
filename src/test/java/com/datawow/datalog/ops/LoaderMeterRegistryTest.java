package com.datawow.datalog.ops;

import ch.qos.logback.classic.Level;
import ch.qos.logback.classic.Logger;
import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.core.read.ListAppender;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.prometheusmetrics.PrometheusConfig;
import io.micrometer.prometheusmetrics.PrometheusMeterRegistry;
import org.apache.camel.CamelContext;
import org.apache.camel.ProducerTemplate;
import org.apache.camel.builder.RouteBuilder;
import org.apache.camel.component.micrometer.eventnotifier.MicrometerExchangeEventNotifier;
import org.apache.camel.impl.DefaultCamelContext;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.slf4j.LoggerFactory;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CyclicBarrier;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The "This Gauge has been already registered" WARN at start: Camel's exchange event notifier registers
 * {@code camel.exchanges.last.timestamp} when an exchange finishes and finds it missing, so two exchanges
 * finishing first at the same moment both register it. Micrometer logs that once at WARN, then at DEBUG:
 * these tests listen at DEBUG, so every double registration counts whatever ran before in this JVM.
 */
class LoaderMeterRegistryTest {

    private final Logger micrometerLog = (Logger) LoggerFactory.getLogger(MeterRegistry.class);
    private final ListAppender<ILoggingEvent> logged = new ListAppender<>();
    private Level levelBefore;

    @BeforeEach
    void listenToMicrometer() {
        levelBefore = micrometerLog.getLevel();
        micrometerLog.setLevel(Level.DEBUG);
        logged.start();
        micrometerLog.addAppender(logged);
    }

    @AfterEach
    void stopListening() {
        micrometerLog.detachAppender(logged);
        micrometerLog.setLevel(levelBefore);
    }

    @Test
    void aPlainRegistryComplainsWhenCamelsLastExchangeGaugeIsRegisteredTwice() {
        registerLastExchangeGaugeTwice(new PrometheusMeterRegistry(PrometheusConfig.DEFAULT));

        assertThat(doubleRegistrations()).singleElement().asString().contains("camel.exchanges.last.timestamp");
    }

    @Test
    void theLoadersRegistryTakesThatGaugeTwiceWithoutAWord() {
        PrometheusMeterRegistry registry = LoaderMeterRegistry.create();

        registerLastExchangeGaugeTwice(registry);

        assertThat(doubleRegistrations()).isEmpty();
        assertThat(registry.scrape()).doesNotContain("camel_exchanges_last_timestamp");
    }

    @Test
    void exchangesFinishingFirstAtTheSameMomentLeaveNoDoubleRegistration() throws Exception {
        // what happens at the start of a load: parallel files send their first exchanges together
        for (int round = 0; round < 20; round++) {
            PrometheusMeterRegistry registry = LoaderMeterRegistry.create();
            sendParallelFirstExchanges(registry, 4);
            assertThat(registry.scrape()).as("Camel's other exchange meters still register")
                    .contains("camel_exchange_event_notifier_seconds_count{").contains("eventType=\"ExchangeCompletedEvent\"");
        }

        assertThat(doubleRegistrations()).isEmpty();
    }

    private static void registerLastExchangeGaugeTwice(MeterRegistry registry) {
        AtomicLong millis = new AtomicLong(System.currentTimeMillis());
        for (int thread = 0; thread < 2; thread++) {
            Gauge.builder(LoaderMeterRegistry.CAMEL_LAST_EXCHANGE_TIMESTAMP, millis, AtomicLong::get).register(registry);
        }
    }

    private static void sendParallelFirstExchanges(MeterRegistry registry, int threads) throws Exception {
        ExecutorService senders = Executors.newFixedThreadPool(threads);
        try (CamelContext context = new DefaultCamelContext()) {
            MicrometerExchangeEventNotifier notifier = new MicrometerExchangeEventNotifier();
            notifier.setMeterRegistry(registry);
            context.getManagementStrategy().addEventNotifier(notifier);
            context.addRoutes(new RouteBuilder() {
                @Override
                public void configure() {
                    from("direct:step").routeId("step").setBody(constant("done"));
                }
            });
            context.start();
            ProducerTemplate producer = context.createProducerTemplate();
            CyclicBarrier together = new CyclicBarrier(threads);
            List<Future<Object>> sent = new ArrayList<>();
            for (int thread = 0; thread < threads; thread++) {
                sent.add(senders.submit(() -> {
                    together.await();
                    return producer.requestBody("direct:step", "go");
                }));
            }
            for (Future<Object> reply : sent) {
                assertThat(reply.get(30, TimeUnit.SECONDS)).isEqualTo("done");
            }
        } finally {
            senders.shutdownNow();
        }
    }

    private List<String> doubleRegistrations() {
        return logged.list.stream().map(ILoggingEvent::getFormattedMessage).filter(message -> message.contains("already registered")).toList();
    }
}
