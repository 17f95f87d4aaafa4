package com.datawow.datalog.ingest;

import com.datawow.datalog.failure.ConflictException;

/**
 * Quarantine mode: PostgreSQL refused a row of a batch, which aborted the group's transaction. Not
 * the file's end: the next attempt, at once, searches that batch for the refused rows and sets them
 * aside ({@link RowQuarantine}).
 */
public final class BatchRefusedException extends ConflictException {

    BatchRefusedException(String fileName, long batchFirstRow, String refusal) {
        super("'" + fileName + "': PostgreSQL refused a row of the batch from row " + batchFirstRow + " (" + refusal
                + "); the next attempt searches the batch for the refused rows");
    }
}
