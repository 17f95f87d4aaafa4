package com.datawow.datalog.failure;

import java.util.OptionalLong;

/**
 * One row of the file breaks a rule: a required value is null or blank, a timestamp is outside
 * PostgreSQL's range, or {@code product_expire} is before {@code create_at}.
 */
public final class InvalidRowException extends BadInputException {

    private final String column;

    /** @param row the 1-based row of the file */
    public InvalidRowException(String fileName, long row, String column, String problem) {
        super(fileName + " row " + row + ": " + problem, OptionalLong.of(row), null);
        this.column = column;
    }

    /** The column whose value breaks the rule. */
    public String column() {
        return column;
    }

    @Override
    public String kind() {
        return "row";
    }
}
