package com.datawow.datalog.ingest;

import com.datawow.datalog.write.WriterKind;
import org.apache.camel.builder.endpoint.EndpointRouteBuilder;
import org.apache.camel.builder.endpoint.dsl.FileEndpointBuilderFactory.AdvancedFileEndpointConsumerBuilder;
import org.apache.camel.model.RouteDefinition;

/**
 * The file routes: one file = one unit of work = one transaction.
 * <pre>
 * ingest-files  drop dir -> fingerprint -> loop: try load-file -> count | catch: reject, or back off and retry   (not transacted)
 * load-file     ledger claim -> split(batches).streaming() -> dimensions -> write-batch -> ledger close   (transacted)
 * </pre>
 * The file moves to .done/ (or .error/) only when ingest-files completes, after the commit (see {@link ArchiveOnCommit}).
 */
public final class IngestRoutes extends EndpointRouteBuilder {

    public static final String INGEST_FILES = "ingest-files";
    public static final String LOAD_FILE = "load-file";
    public static final String WRITE_BATCH = "write-batch";

    private final IngestSettings settings;
    private final FileLoadSteps steps;
    private final FailedAttempts failedAttempts;

    public IngestRoutes(IngestSettings settings, FileLoadSteps steps, FailedAttempts failedAttempts) {
        this.settings = settings;
        this.steps = steps;
        this.failedAttempts = failedAttempts;
    }

    @Override
    public void configure() {
        RouteDefinition ingest = from(dropDirectory()).routeId(INGEST_FILES)
                .description("Polls the drop directory and loads each file; bad files to .error/, outages retried")
                .errorHandler(noErrorHandler());          // every failure is decided explicitly below
        if (settings.concurrency() > 1) {
            ingest.threads(settings.concurrency(), settings.concurrency()).maxQueueSize(settings.concurrency()).threadName("ingest");
        }
        ingest.process(steps::fingerprint)
                // each attempt is a fresh transaction; a failed one is never retried inside its aborted transaction
                .loopDoWhile(steps::attemptWanted)
                    .doTry()
                        .to(direct(LOAD_FILE))
                        .process(steps::recordOutcome)
                    .doCatch(Exception.class)
                        .process(failedAttempts::afterFailedAttempt) // bad input: .error/; outage: back off, again; else a few tries
                    .end()
                .end();

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

    private AdvancedFileEndpointConsumerBuilder dropDirectory() {
        return file(settings.dropDir().toAbsolutePath().toString())
                .include(".*\\.parquet")                 // hidden names are skipped by the component itself
                .sortBy("file:name")                      // oldest minute first
                .maxMessagesPerPoll(500).eagerMaxMessagesPerPoll(false) // sort the whole backlog, take the first 500
                .delay(settings.pollDelay().toMillis())
                .greedy(true)                             // with a backlog, poll again at once instead of idling a delay
                .advanced()
                .processStrategy(new ArchiveOnCommit(getContext(), settings)); // read lock; move to the destination after commit
    }
}
