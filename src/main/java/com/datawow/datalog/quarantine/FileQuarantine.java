package com.datawow.datalog.quarantine;

import com.datawow.datalog.failure.BadInputException;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.function.Supplier;

/**
 * Quarantine mode, for one file: the rows set aside in the current attempt, counted and held only
 * until they are written to {@code rejected_row} with their batch (so memory stays bounded by a
 * batch, whatever the file's size); the limit above which the file is rejected whole after all; and
 * the batches PostgreSQL refused in earlier attempts, whose refused rows the next attempt searches
 * for. A new attempt starts its count again; the refused batches are kept. Used by one thread at a
 * time (the group's).
 */
public final class FileQuarantine implements BadRows {

    private final String fileName;
    private final long fileRows;
    private final BadRowLimit limit;
    private final long maxBadRows;
    private final List<RejectedRow> unwritten = new ArrayList<>();
    private final Set<Long> refusedBatches = new HashSet<>();
    private long setAside;

    /** @param fileRows the file's rows, from its footer: what a percentage limit is taken of */
    public FileQuarantine(String fileName, long fileRows, BadRowLimit limit) {
        this.fileName = fileName;
        this.fileRows = fileRows;
        this.limit = limit;
        this.maxBadRows = limit.maxFor(fileRows);
    }

    /** Sets the row aside, whatever the rejection of reject-file mode would have been. */
    @Override
    public void found(RejectedRow row, Supplier<? extends BadInputException> rejection) {
        setAside(row);
    }

    @Override
    public boolean setsRowsAside() {
        return true;
    }

    /** @throws TooManyBadRowsException when this row is one more than the file may have */
    public void setAside(RejectedRow row) {
        setAside++;
        if (setAside > maxBadRows) {
            throw new TooManyBadRowsException(fileName, row, setAside, fileRows, limit);
        }
        unwritten.add(row);
    }

    /** Rows set aside in this attempt. */
    public long rowsSetAside() {
        return setAside;
    }

    /** The rows set aside since the last call: to be written now. */
    public List<RejectedRow> takeUnwritten() {
        List<RejectedRow> rows = List.copyOf(unwritten);
        unwritten.clear();
        return rows;
    }

    /** Whether PostgreSQL refused the batch that starts at this row of the file in an earlier attempt. */
    public boolean wasRefused(long batchFirstRow) {
        return refusedBatches.contains(batchFirstRow);
    }

    /** PostgreSQL refused the batch that starts at this row: the next attempt searches it for the refused rows. */
    public void refused(long batchFirstRow) {
        refusedBatches.add(batchFirstRow);
    }

    /** A new attempt: nothing set aside in a rolled-back one counts. */
    public void resetAttempt() {
        unwritten.clear();
        setAside = 0;
    }
}
