package com.datawow.datalog.ingest;

import com.datawow.datalog.dimension.DimensionResolver;
import com.datawow.datalog.dimension.ResolvedBatch;
import com.datawow.datalog.failure.FailureClassifier;
import com.datawow.datalog.ledger.FileFingerprint;
import com.datawow.datalog.ledger.FileLedger;
import com.datawow.datalog.ledger.LedgerClaim;
import com.datawow.datalog.parquet.SensorLogBatch;
import com.datawow.datalog.parquet.SensorLogReader;
import com.datawow.datalog.write.CopyDatalogWriter;
import com.datawow.datalog.write.DatalogRows;
import org.apache.camel.Exchange;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.io.IOException;
import java.nio.file.Path;
import java.sql.SQLException;
import java.util.Iterator;
import java.util.function.BooleanSupplier;

/** The steps of loading one file, one method per step of {@link IngestRoutes}. */
public final class FileLoadSteps {

    private static final Logger LOG = LoggerFactory.getLogger(FileLoadSteps.class);

    private final IngestSettings settings;
    private final FileLedger ledger;
    private final DimensionResolver dimensions;
    private final CopyDatalogWriter copyWriter;
    private final RejectedFiles rejectedFiles;
    private final IngestStatistics statistics;
    private final OutageLog outageLog;
    private final FailureClassifier classifier;
    private final Backoff backoff;
    private final BooleanSupplier databaseAnswers;

    public FileLoadSteps(IngestSettings settings, FileLedger ledger, DimensionResolver dimensions, CopyDatalogWriter copyWriter,
                         RejectedFiles rejectedFiles, IngestStatistics statistics, OutageLog outageLog, FailureClassifier classifier,
                         BooleanSupplier databaseAnswers) {
        this.settings = settings;
        this.ledger = ledger;
        this.dimensions = dimensions;
        this.copyWriter = copyWriter;
        this.rejectedFiles = rejectedFiles;
        this.statistics = statistics;
        this.outageLog = outageLog;
        this.classifier = classifier;
        this.backoff = new Backoff(settings.retryInitialDelay(), settings.retryMaxDelay());
        this.databaseAnswers = databaseAnswers;
    }

    /** Size and checksum, read before the transaction starts. */
    public void fingerprint(Exchange exchange) throws Exception {
        Path path = Path.of(exchange.getMessage().getHeader(Exchange.FILE_PATH, String.class));
        exchange.setProperty(IngestExchange.FILE_LOAD, new FileLoad(FileFingerprint.of(path)));
        exchange.setProperty(IngestExchange.DESTINATION, IngestExchange.DONE_DIR);
    }

    /** In the file's transaction: a duplicate ends here; new content gets its ledger row. */
    public void claim(Exchange exchange) {
        FileLoad load = load(exchange);
        load.claimed(ledger.claim(load.file()));
        if (load.claim() instanceof LedgerClaim.Duplicate duplicate) {
            LOG.info("'{}' has the content of '{}' (ledger file {}), loaded before: not loaded again",
                    load.file().name(), duplicate.originalName(), duplicate.originalFileId());
        }
    }

    public boolean isToLoad(Exchange exchange) {
        return load(exchange).isToLoad();
    }

    /** The file as a stream of batches, for the streaming split. */
    public Iterator<SensorLogBatch> batches(Exchange exchange) throws IOException {
        return SensorLogReader.open(load(exchange).file().path(), settings.batchSize());
    }

    public void resolveDimensions(Exchange exchange) {
        SensorLogBatch batch = exchange.getMessage().getBody(SensorLogBatch.class);
        exchange.getMessage().setBody(dimensions.resolve(load(exchange).file().name(), batch));
    }

    public void copyRows(Exchange exchange) throws SQLException {
        ResolvedBatch batch = exchange.getMessage().getBody(ResolvedBatch.class);
        FileLoad load = load(exchange);
        copyWriter.write(batch, load.fileId());
        load.wrote(batch.size());
    }

    /** Turns the batch into the named parameters of the camel-sql batch INSERT. */
    public void toInsertParameters(Exchange exchange) {
        ResolvedBatch batch = exchange.getMessage().getBody(ResolvedBatch.class);
        FileLoad load = load(exchange);
        exchange.getMessage().setBody(DatalogRows.of(batch, load.fileId()));
        load.wrote(batch.size());
    }

    /** Last step in the file's transaction: the ledger row gets its row count. */
    public void completeLoad(Exchange exchange) {
        FileLoad load = load(exchange);
        ledger.completeLoad(load.fileId(), load.rowsWritten());
    }

    /** Whether the file still wants an attempt at loading (the loop condition of ingest-files). */
    public boolean attemptWanted(Exchange exchange) {
        return !load(exchange).isSettled();
    }

    /** After the commit: count it, and end an outage if there was one. */
    public void recordOutcome(Exchange exchange) {
        FileLoad load = load(exchange);
        load.settle();
        FileOutcome outcome = load.outcome();
        statistics.record(load.file().name(), outcome, load.rowsWritten());
        outageLog.succeeded();
        if (outcome == FileOutcome.REPLACED) {
            LOG.info("'{}' replaced its earlier load: {} rows", load.file().name(), load.rowsWritten());
        } else {
            LOG.debug("'{}' {}: {} rows", load.file().name(), outcome, load.rowsWritten());
        }
    }

    /**
     * After an attempt failed and its transaction rolled back, decides what comes next: bad input
     * is rejected at once; a database outage is waited out (the file stays where it is); anything
     * else is tried a few times and then rejected with its reason.
     */
    public void afterFailedAttempt(Exchange exchange) throws Exception {
        FileLoad load = load(exchange);
        Throwable failure = exchange.getProperty(Exchange.EXCEPTION_CAUGHT, Throwable.class);
        int failedAttempts = load.attemptFailed();
        switch (classifier.classify(failure)) {
            case BAD_INPUT -> reject(exchange, load, failure);
            case TRANSIENT -> {
                outageLog.failed(load.file().name(), failure);
                pauseBeforeRetry(exchange, failedAttempts, failure);
            }
            case UNEXPECTED -> {
                if (!databaseAnswers.getAsBoolean()) {
                    // whatever the exception says, a database that does not answer is an outage: keep the file
                    outageLog.failed(load.file().name(), failure);
                    pauseBeforeRetry(exchange, failedAttempts, failure);
                } else if (failedAttempts >= settings.unexpectedFailureAttempts()) {
                    reject(exchange, load, failure);
                } else {
                    LOG.warn("'{}' failed unexpectedly (attempt {} of {}), trying again: {}",
                            load.file().name(), failedAttempts, settings.unexpectedFailureAttempts(), failure.toString());
                    pauseBeforeRetry(exchange, failedAttempts, failure);
                }
            }
        }
    }

    private void reject(Exchange exchange, FileLoad load, Throwable failure) throws IOException {
        rejectedFiles.reject(load, failure);
        statistics.record(load.file().name(), FileOutcome.FAILED, 0);
        exchange.setProperty(IngestExchange.DESTINATION, RejectedFiles.ERROR_DIR);
        load.settle();
    }

    /**
     * Sleeps the back-off in short steps so that a shutdown is not held up. On shutdown the
     * attempt fails for good: the file stays in the drop directory for the next start.
     */
    private void pauseBeforeRetry(Exchange exchange, int failedAttempts, Throwable failure) throws Exception {
        long wakeUp = System.nanoTime() + backoff.after(failedAttempts).toNanos();
        while (System.nanoTime() < wakeUp) {
            if (!exchange.getContext().isStarted() || exchange.getContext().isStopping()) {
                throw new RetryAbandonedException(load(exchange).file().name(), failure);
            }
            Thread.sleep(Math.min(100, Math.max(1, (wakeUp - System.nanoTime()) / 1_000_000)));
        }
    }

    private static FileLoad load(Exchange exchange) {
        return exchange.getProperty(IngestExchange.FILE_LOAD, FileLoad.class);
    }
}
