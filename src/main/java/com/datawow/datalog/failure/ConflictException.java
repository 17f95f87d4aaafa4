package com.datawow.datalog.failure;

/**
 * The attempt met something a fresh attempt resolves: a row another loader committed after this
 * attempt's snapshot, or a plan the data did not bear out. Not the input's fault, not an outage.
 */
public class ConflictException extends RuntimeException {
    public ConflictException(String message) {
        super(message);
    }
}
