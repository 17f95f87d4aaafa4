package com.datawow.datalog.failure;

import java.util.OptionalLong;

/**
 * One row of the file breaks a rule: a required value is null or blank, a timestamp is outside
 * PostgreSQL's range, or {@code product_expire} is before {@code create_at}.
 */
public final class InvalidRowException extends ColumnException {

    /**
     * @param row    the 1-based row of the file
     * @param column the column whose value breaks the rule
     */
    public InvalidRowException(String fileName, long row, String column, String problem) {
        super(fileName + " row " + row + ": " + problem, OptionalLong.of(row), column);
    }

    @Override
    public String kind() {
        return "row";
    }
}
