package com.datawow.datalog.ingest;

import com.datawow.datalog.failure.BadInputException;
import com.datawow.datalog.failure.Causes;
import com.datawow.datalog.failure.FailureClassifier;
import com.datawow.datalog.failure.FailureKind;
import com.datawow.datalog.ledger.FileFingerprint;
import com.datawow.datalog.ledger.FileLedger;
import org.apache.camel.Exchange;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.io.IOException;
import java.nio.file.Path;
import java.time.Clock;
import java.util.Optional;
import java.util.OptionalLong;

/**
 * The steps of {@code dead-letter}: a rejected file's 'failed' ledger row (its own transaction:
 * the group's rolled back or committed without it), the text of its reason, and the move into
 * {@code .error/} once the reason is there.
 */
public record DeadLetter(FileLedger ledger, FailureClassifier classifier, DropDirectory dropDirectory, IngestStatistics statistics,
                         Clock clock) {

    private static final Logger LOG = LoggerFactory.getLogger(DeadLetter.class);

    /** Where rejected files go, each with its reason beside it. */
    public Path directory() {
        return dropDirectory.error();
    }

    /** The 'failed' ledger row; the exchange then carries the reason as it is written beside the file. */
    public void recordInLedger(Exchange exchange) {
        GroupFile file = exchange.getMessage().getBody(GroupFile.class);
        exchange.setProperty(IngestExchange.FILE, file);
        Reason reason = reasonOf(file);
        FileFingerprint fingerprint = fingerprintOf(file);
        ledger.recordFailure(fingerprint, reason.kind() + ": " + reason.message());
        statistics.record(file.name(), FileOutcome.FAILED, 0);
        exchange.getMessage().setHeader(Exchange.FILE_NAME, file.name() + DropDirectory.REASON_SUFFIX);
        exchange.getMessage().setBody(new RejectionReason(file.name(), clock.instant(), reason.kind(), reason.row(), reason.message(),
                fingerprint.size(), fingerprint.checksum()).text());
        LOG.error("Rejected '{}' -> {}/: {}", file.name(), DropDirectory.ERROR, reason.message());
    }

    /** The file follows its reason into .error/. */
    public void moveFileAside(Exchange exchange) throws IOException {
        GroupFile file = IngestExchange.file(exchange);
        dropDirectory.moveToError(file.path());
        file.releaseArchivedLock();
    }

    private Reason reasonOf(GroupFile file) {
        Throwable failure = file.rejection();
        Optional<BadInputException> badInput = Causes.find(failure, BadInputException.class);
        if (badInput.isPresent()) {
            return new Reason(badInput.get().kind(), badInput.get().getMessage(), badInput.get().row());
        }
        if (classifier.classify(failure) == FailureKind.BAD_INPUT) {
            return new Reason("rejected-by-database", file.name() + ": the database rejected a value: "
                    + Causes.describe(Causes.root(failure)), OptionalLong.empty());
        }
        return new Reason("unexpected", file.name() + ": unexpected error: " + Causes.describe(Causes.root(failure)), OptionalLong.empty());
    }

    /** A file that cannot even be read whole still gets its ledger row: its size as far as known, no checksum. */
    private static FileFingerprint fingerprintOf(GroupFile file) {
        try {
            return file.fingerprint();
        } catch (IOException unreadable) {
            return new FileFingerprint(file.path(), file.name(), -1, "unreadable: " + unreadable.getMessage());
        }
    }

    private record Reason(String kind, String message, OptionalLong row) {
    }
}
