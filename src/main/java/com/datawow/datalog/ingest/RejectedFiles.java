package com.datawow.datalog.ingest;

import com.datawow.datalog.failure.BadInputException;
import com.datawow.datalog.failure.Causes;
import com.datawow.datalog.failure.FailureClassifier;
import com.datawow.datalog.failure.FailureKind;
import com.datawow.datalog.ledger.FileLedger;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Clock;
import java.util.Optional;
import java.util.OptionalLong;

/**
 * The dead-letter side: a rejected file's reason goes into the ledger and into
 * {@code .error/NAME.error.txt}; the file itself follows into {@code .error/} when the file
 * consumer completes the exchange (see {@link IngestRoutes}).
 */
public final class RejectedFiles {

    public static final String ERROR_DIR = ".error";
    public static final String REASON_SUFFIX = ".error.txt";
    private static final Logger LOG = LoggerFactory.getLogger(RejectedFiles.class);

    private final FileLedger ledger;
    private final FailureClassifier classifier;
    private final Clock clock;

    public RejectedFiles(FileLedger ledger, FailureClassifier classifier, Clock clock) {
        this.ledger = ledger;
        this.classifier = classifier;
        this.clock = clock;
    }

    /** Records the rejection; returns the reason as written beside the file. */
    public String reject(FileLoad load, Throwable failure) throws IOException {
        Reason reason = reasonOf(load.file().name(), failure);
        ledger.recordFailure(load.file(), reason.kind() + ": " + reason.message());
        Path errorDir = load.file().path().resolveSibling(ERROR_DIR);
        Files.createDirectories(errorDir);
        Path reasonFile = errorDir.resolve(load.file().name() + REASON_SUFFIX);
        Path partial = errorDir.resolve("." + load.file().name() + REASON_SUFFIX + ".tmp");
        Files.writeString(partial, reason.writtenFor(load, clock).text(), StandardCharsets.UTF_8);
        Files.move(partial, reasonFile, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
        LOG.error("Rejected '{}' -> {}/: {}", load.file().name(), ERROR_DIR, reason.message());
        return reason.message();
    }

    private Reason reasonOf(String fileName, Throwable failure) {
        Optional<BadInputException> badInput = Causes.find(failure, BadInputException.class);
        if (badInput.isPresent()) {
            return new Reason(badInput.get().kind(), badInput.get().getMessage(), badInput.get().row());
        }
        if (classifier.classify(failure) == FailureKind.BAD_INPUT) {
            return new Reason("rejected-by-database", fileName + ": the database rejected a value: " + Causes.describe(Causes.root(failure)), OptionalLong.empty());
        }
        return new Reason("unexpected", fileName + ": unexpected error: " + Causes.describe(Causes.root(failure)), OptionalLong.empty());
    }


    private record Reason(String kind, String message, OptionalLong row) {
        RejectionReason writtenFor(FileLoad load, Clock clock) {
            return new RejectionReason(load.file().name(), clock.instant(), kind, row, message, load.file().size(), load.file().checksum());
        }
    }
}
