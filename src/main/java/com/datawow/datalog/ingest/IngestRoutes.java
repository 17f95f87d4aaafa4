package com.datawow.datalog.ingest;

import com.datawow.datalog.db.Transactions;
import com.datawow.datalog.db.Warehouse;
import com.datawow.datalog.dimension.DimensionRoutes;
import com.datawow.datalog.write.DatalogRows;
import com.datawow.datalog.write.WriterKind;
import org.apache.camel.builder.endpoint.EndpointRouteBuilder;
import org.apache.camel.model.RouteDefinition;

import java.util.List;
import java.util.stream.IntStream;

/**
 * The file routes: the drop directory polled for groups of files, each group loaded in one
 * transaction per attempt, its files archived after the commit or dead-lettered.
 *
 * <pre>
 * ingest-files  every poll: on each of N workers, the next group while files wait
 * ingest-group  attempts until every file is settled (catch: FailureDecision), archive, dead letters
 * load-group    one transaction: target (datalog, or a new day's table) - ledger plan - each file's rows
 *               into one COPY - the files' ledger rows - attach the day
 * load-file     batches: resolve-dimensions, write-batch (quarantine-batch around it)
 * dead-letter   'failed' ledger row - .error/NAME.error.txt - the file into .error/
 * </pre>
 *
 * In quarantine mode ({@code datalog.bad-rows}) the reader and resolve-dimensions set bad rows aside
 * instead of failing the file, and each batch goes through {@code quarantine-batch}: refused rows of
 * a batch PostgreSQL refused before set aside, write-batch, the rows set aside into rejected_row.
 */
public final class IngestRoutes extends EndpointRouteBuilder {

    public static final String INGEST_FILES = "ingest-files";
    public static final String INGEST_GROUP = "ingest-group";
    public static final String LOAD_GROUP = "load-group";
    public static final String LOAD_FILE = "load-file";
    public static final String WRITE_BATCH = "write-batch";
    public static final String QUARANTINE_BATCH = "quarantine-batch";
    public static final String DEAD_LETTER = "dead-letter";

    private final IngestSettings settings;
    private final IngestSteps steps;

    public IngestRoutes(IngestSettings settings, IngestSteps steps) {
        this.settings = settings;
        this.steps = steps;
    }

    @Override
    public void configure() {
        GroupIntake intake = steps.intake();
        GroupLoad load = steps.load();
        DatalogWrites writes = steps.writes();
        AfterFailedAttempt afterFailedAttempt = steps.afterFailedAttempt();
        DeadLetter deadLetter = steps.deadLetter();
        RowQuarantine quarantine = steps.quarantine();

        // synchronous: the next poll waits for this one's workers, so there are never more than N of them
        from(scheduler(INGEST_FILES).delay(settings.pollDelay().toMillis()).advanced().synchronous(true)).routeId(INGEST_FILES)
                .description("Polls the drop directory; " + settings.concurrency() + " worker(s) each take the next group of waiting files until none waits")
                .errorHandler(noErrorHandler())                  // every failure is decided in ingest-group
                .split(constant(workers())).parallelProcessing()
                        .executorService(getContext().getExecutorServiceManager().newFixedThreadPool(this, "ingest", settings.concurrency()))
                    .loopDoWhile(intake::claimedNext)            // false when nothing waits or the route is suspended
                        .to(direct(INGEST_GROUP))
                    .end()
                .end();

        from(direct(INGEST_GROUP)).routeId(INGEST_GROUP)
                .description("A claimed group: attempts until each file is settled, then committed files to .done/, rejected ones to the dead letter")
                .doTry()
                    .loopDoWhile(exchange -> IngestExchange.group(exchange).attemptWanted()).copy() // nothing of a failed attempt carries over
                        .doTry()
                            .to(direct(LOAD_GROUP))              // each attempt a fresh transaction
                            .process(load::recordCommitted)
                        .doCatch(Exception.class)
                            .process(afterFailedAttempt::process) // bad file: rejected, the rest again; outage: back off; ...
                        .end()
                    .end()
                    .process(intake::archiveCommitted)
                    .split().exchange(exchange -> IngestExchange.group(exchange).settledAs(FileOutcome.FAILED))
                        .to(direct(DEAD_LETTER))
                    .endDoTry()
                .doFinally()
                    .process(intake::release)
                .end();

        from(direct(LOAD_GROUP)).routeId(LOAD_GROUP)
                .description("One transaction: one look at the ledger, the new files' rows in one COPY, their ledger rows, a new day attached")
                .transacted(Transactions.REQUIRED)
                .process(load::chooseTarget)                        // datalog, or a new day's table to build aside
                .process(load::planLedger)                          // duplicates, replacements, ledger ids of the new contents
                .doTry()
                    .split(method(load, "filesToLoad")).streaming().stopOnException() // streaming: the time limit is checked file by file
                        .to(direct(LOAD_FILE))
                    .endDoTry()
                    .process(writes::finishRows)                    // the COPY ends
                .doFinally()
                    .process(writes::abandonRows)                   // after a failure: a COPY left open would block the rollback
                .end()
                .process(load::recordLedger)                        // the ledger rows of the files reached, in one statement
                .process(load::attachNewDay);

        from(direct(LOAD_FILE)).routeId(LOAD_FILE)
                .description("One file with new content: its rows batch by batch, names to ids, into the group's COPY")
                .process(load::startFile)
                .split(method(load, "batches")).streaming().stopOnException()
                    .to(direct(DimensionRoutes.RESOLVE_DIMENSIONS))
                    .to(direct(settings.badRows().quarantines() ? QUARANTINE_BATCH : WRITE_BATCH))
                .end();

        RouteDefinition write = from(direct(WRITE_BATCH)).routeId(WRITE_BATCH)
                .description("Writes one batch of datalog rows into the attempt's table (" + settings.writer() + ")");
        if (settings.writer() == WriterKind.COPY) {
            write.process(writes::copyRows);
        } else {
            // transacted: joins the group's transaction, and tells camel-sql so; on an exchange it does not
            // know to be transacted (the split's copies), it commits or rolls back the connection itself
            write.transacted(Transactions.REQUIRED)
                    .process(writes::toInsertParameters)
                    .toD(sql(DatalogRows.insertInto("${exchangeProperty." + IngestExchange.TARGET_TABLE + "}"))
                            .dataSource(Warehouse.DATA_SOURCE_REFERENCE).batch(true));
        }

        if (settings.badRows().quarantines()) {
            from(direct(QUARANTINE_BATCH)).routeId(QUARANTINE_BATCH)
                    .description("Quarantine mode: a batch PostgreSQL refused before loses its refused rows (bisection), "
                            + "the rest is written, the rows set aside go to rejected_row")
                    .process(quarantine::setAsideRefusedRows)
                    .doTry()
                        .to(direct(WRITE_BATCH))
                    .doCatch(Exception.class).onWhen(quarantine::isRefusal)
                        .process(quarantine::searchOnNextAttempt)   // the attempt fails; the next one searches this batch
                    .end()
                    .process(quarantine::recordSetAsideRows);
        }

        from(direct(DEAD_LETTER)).routeId(DEAD_LETTER)
                .description("A rejected file: its 'failed' ledger row, the reason beside it in .error/, then the file itself")
                .process(deadLetter::recordInLedger)
                .to(file(deadLetter.directory().toAbsolutePath().toString()).charset("UTF-8").tempFileName(".${file:name}.tmp"))
                .process(deadLetter::moveFileAside);
    }

    private List<Integer> workers() {
        return IntStream.rangeClosed(1, settings.concurrency()).boxed().toList();
    }
}
