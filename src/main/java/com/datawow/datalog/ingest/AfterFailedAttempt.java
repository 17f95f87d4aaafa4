package com.datawow.datalog.ingest;

import com.datawow.datalog.failure.Causes;
import com.datawow.datalog.failure.FailureClassifier;
import com.datawow.datalog.failure.FailureKind;
import org.apache.camel.CamelContext;
import org.apache.camel.Exchange;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.time.Duration;
import java.util.function.BooleanSupplier;

/**
 * The catch branch of {@code ingest-group}: after an attempt failed and its transaction rolled
 * back, carries out the {@link FailureDecision}. Back-off pauses end early when the loader stops;
 * the group is then abandoned and its unsettled files stay in the drop directory.
 */
public record AfterFailedAttempt(IngestSettings.Retry retry, FailureClassifier classifier, OutageLog outageLog,
                                 BooleanSupplier databaseAnswers) {

    private static final Logger LOG = LoggerFactory.getLogger(AfterFailedAttempt.class);
    private static final long PAUSE_STEP_MILLIS = 100;


    public void process(Exchange exchange) {
        FileGroup group = IngestExchange.group(exchange);
        Throwable failure = exchange.getProperty(Exchange.EXCEPTION_CAUGHT, Throwable.class);
        int failedAttempts = group.attemptFailed();
        FailureKind kind = classifier.classify(failure);
        FailureDecision decision = FailureDecision.after(kind, failedAttempts,
                kind != FailureKind.UNEXPECTED || databaseAnswers.getAsBoolean(), group.filesPerAttempt(),
                group.current().isPresent(), retry.unexpectedAttempts());
        switch (decision) {
            case REJECT_FILE -> {
                GroupFile file = group.current().orElse(group.pending().getFirst());
                group.reject(file, failure);
            }
            case RETRY_NOW -> LOG.debug("{}: trying again ({})", group.describe(), cause(failure));
            case WAIT_FOR_DATABASE -> {
                outageLog.failed(group.describe(), failure);
                pause(exchange.getContext(), group, retry.backoff().after(failedAttempts));
            }
            case RETRY_AFTER_BACKOFF -> {
                LOG.warn("{} failed unexpectedly (attempt {} of {}), trying again: {}",
                        group.describe(), failedAttempts, retry.unexpectedAttempts(), cause(failure));
                pause(exchange.getContext(), group, retry.backoff().after(failedAttempts));
            }
            case LOAD_ONE_FILE_AT_A_TIME -> {
                LOG.warn("{} failed {} times unexpectedly; loading its files one at a time: {}",
                        group.describe(), failedAttempts, cause(failure));
                group.loadOneFileAtATime();
            }
        }
    }

    /** The failure in its own words, not Camel's wrappers around it. */
    private static String cause(Throwable failure) {
        return Causes.describe(Causes.root(failure));
    }

    /** Sleeps in short steps so that a shutdown is not held up; on shutdown the group is abandoned. */
    private static void pause(CamelContext context, FileGroup group, Duration pause) {
        long wakeUp = System.nanoTime() + pause.toNanos();
        while (System.nanoTime() < wakeUp) {
            if (!context.isStarted() || context.isStopping()) {
                LOG.info("Stopping: {} stay in the drop directory for the next start", group.describe());
                group.abandon();
                return;
            }
            try {
                Thread.sleep(Math.min(PAUSE_STEP_MILLIS, Math.max(1, (wakeUp - System.nanoTime()) / 1_000_000)));
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                group.abandon();
                return;
            }
        }
    }
}
