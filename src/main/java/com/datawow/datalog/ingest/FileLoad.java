package com.datawow.datalog.ingest;

import com.datawow.datalog.ledger.FileFingerprint;
import com.datawow.datalog.ledger.LedgerClaim;
import org.apache.camel.Exchange;

/**
 * The state of one file's trip through the routes, kept in one exchange property (the split's
 * batch exchanges share it). Not thread-safe: one file is handled by one thread.
 */
public final class FileLoad {

    private final FileFingerprint file;
    private LedgerClaim claim;
    private long rowsWritten;
    private int failedAttempts;
    private boolean settled;

    FileLoad(FileFingerprint file) {
        this.file = file;
    }

    /** The load of the file the exchange carries (one of the ingest routes' exchanges, or a batch of its split). */
    static FileLoad of(Exchange exchange) {
        return exchange.getProperty(IngestExchange.FILE_LOAD, FileLoad.class);
    }

    public FileFingerprint file() {
        return file;
    }

    public LedgerClaim claim() {
        return claim;
    }

    void claimed(LedgerClaim ledgerClaim) {
        this.claim = ledgerClaim;
        this.rowsWritten = 0;
    }

    /** The ledger id the rows are written under; only for a {@link LedgerClaim.Load}. */
    public int fileId() {
        if (claim instanceof LedgerClaim.Load load) {
            return load.fileId();
        }
        throw new IllegalStateException(file.name() + " is not being loaded: " + claim);
    }

    public boolean isToLoad() {
        return claim instanceof LedgerClaim.Load;
    }

    void wrote(int rows) {
        rowsWritten += rows;
    }

    public long rowsWritten() {
        return rowsWritten;
    }

    /** Whether another attempt should be made: until it is loaded, recognised, or rejected. */
    public boolean isSettled() {
        return settled;
    }

    void settle() {
        settled = true;
    }

    /** Counts a failed attempt; returns how many have failed so far. */
    int attemptFailed() {
        return ++failedAttempts;
    }

    public FileOutcome outcome() {
        return switch (claim) {
            case LedgerClaim.Duplicate ignored -> FileOutcome.DUPLICATE;
            case LedgerClaim.Load load -> load.replaces() ? FileOutcome.REPLACED : FileOutcome.LOADED;
            case null -> throw new IllegalStateException(file.name() + " was never claimed");
        };
    }
}
