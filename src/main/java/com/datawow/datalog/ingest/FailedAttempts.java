package com.datawow.datalog.ingest;

import com.datawow.datalog.failure.FailureClassifier;
import org.apache.camel.Exchange;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.io.IOException;
import java.util.function.BooleanSupplier;

/** What happens after an attempt at loading a file failed: the catch branch of {@link IngestRoutes}. */
public final class FailedAttempts {

    private static final Logger LOG = LoggerFactory.getLogger(FailedAttempts.class);

    private final IngestSettings settings;
    private final FailureClassifier classifier;
    private final RejectedFiles rejectedFiles;
    private final IngestStatistics statistics;
    private final OutageLog outageLog;
    private final BooleanSupplier databaseAnswers;
    private final Backoff backoff;

    public FailedAttempts(IngestSettings settings, FailureClassifier classifier, RejectedFiles rejectedFiles, IngestStatistics statistics,
                          OutageLog outageLog, BooleanSupplier databaseAnswers) {
        this.settings = settings;
        this.classifier = classifier;
        this.rejectedFiles = rejectedFiles;
        this.statistics = statistics;
        this.outageLog = outageLog;
        this.databaseAnswers = databaseAnswers;
        this.backoff = new Backoff(settings.retryInitialDelay(), settings.retryMaxDelay());
    }

    /**
     * After an attempt failed and its transaction rolled back, decides what comes next: bad input
     * is rejected at once; a database outage is waited out (the file stays where it is); anything
     * else is tried a few times and then rejected with its reason.
     */
    public void afterFailedAttempt(Exchange exchange) throws Exception {
        FileLoad load = FileLoad.of(exchange);
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
                throw new RetryAbandonedException(FileLoad.of(exchange).file().name(), failure);
            }
            Thread.sleep(Math.min(100, Math.max(1, (wakeUp - System.nanoTime()) / 1_000_000)));
        }
    }
}
