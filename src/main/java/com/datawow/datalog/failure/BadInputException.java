package com.datawow.datalog.failure;

import java.util.OptionalLong;

/**
 * The file itself is wrong: retrying cannot help. The file goes to {@code .error/} with this
 * message beside it, and no row of it stays in the database. Each kind of bad input is a subclass.
 */
public abstract class BadInputException extends RuntimeException {

    private final OptionalLong row;

    protected BadInputException(String message, OptionalLong row, Throwable cause) {
        super(message, cause);
        this.row = row;
    }

    protected BadInputException(String message) {
        this(message, OptionalLong.empty(), null);
    }

    /** The 1-based row of the file where the problem is, when there is one. */
    public OptionalLong row() {
        return row;
    }

    /** A short, stable name of the kind of problem, for the ledger and metrics. */
    public abstract String kind();
}
