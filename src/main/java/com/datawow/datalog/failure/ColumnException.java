package com.datawow.datalog.failure;

import java.util.OptionalLong;

/** Bad input that one column is at fault for: its name goes with the message. */
public abstract class ColumnException extends BadInputException {

    private final String column;

    protected ColumnException(String message, OptionalLong row, String column) {
        super(message, row, null);
        this.column = column;
    }

    /** The column that is wrong, or whose value breaks the rule. */
    public String column() {
        return column;
    }
}
