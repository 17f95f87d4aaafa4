package com.datawow.datalog.ingest;

import com.datawow.datalog.failure.FailureClassifier;
import com.datawow.datalog.failure.FailureKind;
import com.datawow.datalog.write.WriterKind;
import org.apache.camel.Exchange;
import org.apache.camel.LoggingLevel;
import org.apache.camel.Predicate;
import org.apache.camel.Processor;
import org.apache.camel.ProducerTemplate;
import org.apache.camel.builder.endpoint.EndpointRouteBuilder;
import org.apache.camel.builder.endpoint.dsl.FileEndpointBuilderFactory.FileEndpointConsumerBuilder;
import org.apache.camel.model.OnExceptionDefinition;
import org.apache.camel.model.RouteDefinition;

/**
 * The file routes: one file = one unit of work = one transaction.
 * <pre>
 * ingest-files  drop dir -> fingerprint -> load-file -> count   (retries, dead letter; not transacted)
 * load-file     ledger claim -> split(batches).streaming() -> dimensions -> write-batch -> ledger close   (transacted)
 * </pre>
 * The file moves to .done/ (or .error/) only when ingest-files completes, after the commit.
 */
public final class IngestRoutes extends EndpointRouteBuilder {

    public static final String INGEST_FILES = "ingest-files";
    public static final String LOAD_FILE = "load-file";
    public static final String WRITE_BATCH = "write-batch";

    private final IngestSettings settings;
    private final FileLoadSteps steps;
    private final FailureClassifier classifier;

    public IngestRoutes(IngestSettings settings, FileLoadSteps steps, FailureClassifier classifier) {
        this.settings = settings;
        this.steps = steps;
        this.classifier = classifier;
    }

    @Override
    public void configure() {
        RouteDefinition ingest = from(dropDirectory()).routeId(INGEST_FILES)
                .description("Polls the drop directory and loads each file, retried while the database is away");
        rejectBadInput(ingest);
        retryWhileTheDatabaseIsAway(ingest);
        rejectAfterUnexpectedFailures(ingest);
        if (settings.concurrency() > 1) {
            ingest.threads(settings.concurrency(), settings.concurrency()).maxQueueSize(settings.concurrency()).threadName("ingest");
        }
        ingest.process(steps::fingerprint)
                .process(new CallReportingFailures("direct:" + LOAD_FILE))
                .process(steps::recordOutcome);

        from(direct(LOAD_FILE)).routeId(LOAD_FILE)
                .description("Loads one file in one transaction, with its ledger row")
                .transacted("PROPAGATION_REQUIRED")
                .process(steps::claim)
                .filter(steps::isToLoad)
                    .split(method(steps, "batches")).streaming().stopOnException()
                        .process(steps::resolveDimensions)
                        .to(direct(WRITE_BATCH))
                    .end()
                    .process(steps::completeLoad)
                .end();

        RouteDefinition write = from(direct(WRITE_BATCH)).routeId(WRITE_BATCH)
                .description("Writes one batch of datalog rows in the file's transaction (" + settings.writer() + ")");
        if (settings.writer() == WriterKind.COPY) {
            write.process(steps::copyRows);
        } else {
            write.process(steps::toInsertParameters)
                    .to(sql("classpath:sql/insert-datalog.sql").dataSource("#warehouse").batch(true));
        }
    }

    /** Bad input: the transaction has rolled back; record why and send the file to .error/. */
    private void rejectBadInput(RouteDefinition route) {
        route.onException(Exception.class).onWhen(failureIs(FailureKind.BAD_INPUT))
                .handled(true)
                .process(steps::reject);
    }

    /** Database outage: retry the whole file (each try a fresh transaction) until it is back; the file stays put. */
    private void retryWhileTheDatabaseIsAway(RouteDefinition route) {
        OnExceptionDefinition outage = route.onException(Exception.class).onWhen(failureIs(FailureKind.TRANSIENT))
                .maximumRedeliveries(-1)
                .redeliveryDelay(settings.retryInitialDelay().toMillis())
                .useExponentialBackOff().backOffMultiplier(2)
                .maximumRedeliveryDelay(settings.retryMaxDelay().toMillis())
                .retryAttemptedLogLevel(LoggingLevel.DEBUG)
                .logExhausted(false)
                .onRedelivery(steps::retrying);
        // on shutdown the file simply stays where it is: an outage must not hold the shutdown up
        outage.getRedeliveryPolicyType().allowRedeliveryWhileStopping(false);
    }

    /** Anything else is a surprise: a few more tries, then the file is put aside with the reason. */
    private void rejectAfterUnexpectedFailures(RouteDefinition route) {
        route.onException(Exception.class)
                .maximumRedeliveries(settings.unexpectedFailureAttempts() - 1)
                .redeliveryDelay(settings.retryInitialDelay().toMillis())
                .handled(true)
                .process(steps::reject);
    }

    private FileEndpointConsumerBuilder dropDirectory() {
        return file(settings.dropDir().toAbsolutePath().toString())
                .include(".*\\.parquet")                 // hidden names are skipped by the component itself
                .sortBy("file:name")                      // oldest minute first
                .maxMessagesPerPoll(100).eagerMaxMessagesPerPoll(false) // sort the whole backlog, take the first 100
                .delay(settings.pollDelay().toMillis())
                .readLock("changed")                      // a file still being written is left for a later poll
                .readLockMinAge(settings.readLockMinAge().toMillis() + "ms")
                .readLockMinLength(0)                     // zero bytes is bad input, not "still being written"
                .readLockCheckInterval(Math.max(100, settings.readLockMinAge().toMillis() / 2))
                .readLockTimeout(Math.max(2_000, settings.readLockMinAge().toMillis() * 4))
                .readLockLoggingLevel(LoggingLevel.DEBUG)
                .move("${exchangeProperty." + IngestExchange.DESTINATION + "}/${file:name}");
    }

    /**
     * Calls a (transacted) sub-route so that its failure reaches the handlers of this route. The
     * sub-route's own error handler (the TransactionErrorHandler that rolls back) marks a failure as
     * handled; left so, the onException clauses of ingest-files never run: bad input was rolled back
     * into the drop directory and retried at every poll for ever, and an outage got no back-off.
     */
    private static final class CallReportingFailures implements Processor {

        private final String uri;
        private volatile ProducerTemplate template;

        CallReportingFailures(String uri) {
            this.uri = uri;
        }

        @Override
        public void process(Exchange exchange) {
            template(exchange).send(uri, exchange);
            if (exchange.getException() != null) {
                // a fresh failure for this route's error handler: not yet handled, not yet exhausted
                exchange.getExchangeExtension().setFailureHandled(false);
                exchange.getExchangeExtension().setErrorHandlerHandled(null);
                exchange.getExchangeExtension().setRedeliveryExhausted(false);
            }
        }

        private ProducerTemplate template(Exchange exchange) {
            ProducerTemplate current = template;
            if (current == null) {
                synchronized (this) {
                    if (template == null) {
                        template = exchange.getContext().createProducerTemplate();
                    }
                    current = template;
                }
            }
            return current;
        }
    }

    private Predicate failureIs(FailureKind kind) {
        return exchange -> classifier.classify(caught(exchange)) == kind;
    }

    private static Throwable caught(Exchange exchange) {
        Throwable failure = exchange.getException();
        return failure != null ? failure : exchange.getProperty(Exchange.EXCEPTION_CAUGHT, Throwable.class);
    }
}
