package com.datawow.datalog.ingest;

import com.datawow.datalog.ledger.FileFingerprint;
import com.datawow.datalog.ledger.LedgerClaim;
import com.datawow.datalog.parquet.SensorLogFooter;
import com.datawow.datalog.quarantine.BadRowSettings;
import com.datawow.datalog.quarantine.BadRows;
import com.datawow.datalog.quarantine.FileQuarantine;

import java.io.IOException;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.Optional;

/**
 * One file of a {@link FileGroup}: what the drop directory and its footer said when it was claimed,
 * what the ledger decided in the current attempt, and, once settled, what became of it. Used by
 * one thread at a time (the group's).
 */
public final class GroupFile {

    private final Path path;
    private final Optional<SensorLogFooter> footer;
    private final FileLocks.Lock lock;
    private FileFingerprint fingerprint;
    private LedgerClaim claim;
    private boolean reached;
    private long rowsWritten;
    private FileQuarantine quarantine;
    private FileOutcome outcome;
    private Throwable rejection;

    /** @param footer empty when the footer cannot be read: loading the file will say why */
    GroupFile(Path path, Optional<SensorLogFooter> footer, FileLocks.Lock lock) {
        this.path = path;
        this.footer = footer;
        this.lock = lock;
    }

    public Path path() {
        return path;
    }

    public String name() {
        return path.getFileName().toString();
    }

    /** The day of all its rows, if its footer's statistics place them in one day. */
    Optional<LocalDate> day() {
        return footer.flatMap(SensorLogFooter::createAt).flatMap(range -> range.singleDay());
    }

    /** Rows the footer announces (0 if unreadable). */
    long expectedRows() {
        return footer.map(SensorLogFooter::rowCount).orElse(0L);
    }

    /**
     * Whether it may share a transaction with other files: its footer is readable and its rows fit
     * in one batch, so that it is read and checked whole before any of its rows is written.
     */
    boolean canShareAGroup(int batchSize) {
        return footer.isPresent() && expectedRows() <= batchSize;
    }

    /** Size and checksum, read once (the file does not change while it is locked and quiet). */
    public FileFingerprint fingerprint() throws IOException {
        if (fingerprint == null) {
            fingerprint = FileFingerprint.of(path);
        }
        return fingerprint;
    }

    public LedgerClaim claim() {
        return claim;
    }

    void claimed(LedgerClaim ledgerClaim) {
        this.claim = ledgerClaim;
    }

    public boolean isToLoad() {
        return claim instanceof LedgerClaim.Load;
    }

    /** The ledger id its rows are written under; only once claimed for loading. */
    public int fileId() {
        if (claim instanceof LedgerClaim.Load load) {
            return load.fileId();
        }
        throw new IllegalStateException(name() + " is not being loaded: " + claim);
    }

    /**
     * The rows a file of at most {@code batchSize} rows is read in: all of them at once when fewer
     * (the reader allocates its arrays at the batch size).
     */
    int batchSize(int batchSize) {
        return (int) Math.max(1, Math.min(batchSize, expectedRows() > 0 ? expectedRows() : batchSize));
    }

    void wrote(int rows) {
        rowsWritten += rows;
    }

    public long rowsWritten() {
        return rowsWritten;
    }

    /**
     * In quarantine mode, gives the file its quarantine at its first claim and keeps it across
     * attempts (it remembers the batches PostgreSQL refused); in reject-file mode, none.
     */
    void prepareForBadRows(BadRowSettings settings) {
        if (quarantine == null && settings.quarantines()) {
            quarantine = settings.quarantineFor(name(), expectedRows());
        }
    }

    /** What a row of this file that breaks a rule does: rejects the file, or is set aside in its quarantine. */
    public BadRows badRows() {
        return quarantine != null ? quarantine : BadRows.REJECT_FILE;
    }

    /** Its quarantine, in quarantine mode. */
    public Optional<FileQuarantine> quarantine() {
        return Optional.ofNullable(quarantine);
    }

    /** Rows set aside in this attempt (0 in reject-file mode). */
    public long rowsRejected() {
        return quarantine != null ? quarantine.rowsSetAside() : 0;
    }

    /** Forgets what a rolled-back attempt did. */
    void resetAttempt() {
        claim = null;
        reached = false;
        rowsWritten = 0;
        if (quarantine != null) {
            quarantine.resetAttempt();
        }
    }

    /** The attempt dealt with it: its rows are written (or it is a duplicate, which has none); its ledger row follows. */
    void reached() {
        reached = true;
    }

    boolean isReached() {
        return reached;
    }

    /** Its rows and ledger row have committed. */
    void committed() {
        outcome = switch (claim) {
            case LedgerClaim.Duplicate ignored -> FileOutcome.DUPLICATE;
            case LedgerClaim.Load load -> load.replaces() ? FileOutcome.REPLACED : FileOutcome.LOADED;
        };
    }

    /** It is bad input (or failed for good): it goes to the dead letter. */
    void rejected(Throwable reason) {
        outcome = FileOutcome.FAILED;
        rejection = reason;
    }

    public boolean isSettled() {
        return outcome != null;
    }

    public Optional<FileOutcome> outcome() {
        return Optional.ofNullable(outcome);
    }

    public Throwable rejection() {
        return rejection;
    }

    void releaseLock() {
        lock.release();
    }

    /** It has left the drop directory: its lock file goes too. */
    void releaseArchivedLock() {
        lock.releaseArchived();
    }

    @Override
    public String toString() {
        return name();
    }
}
