package com.datawow.datalog.failure;

import java.util.OptionalLong;

/** A required column is missing, or is not of a type that the loader can read. */
public final class SchemaMismatchException extends BadInputException {

    private final String column;

    public SchemaMismatchException(String fileName, String column, String problem) {
        super(fileName + ": column " + column + " " + problem, OptionalLong.empty(), null);
        this.column = column;
    }

    /** The name of the required column that is wrong. */
    public String column() {
        return column;
    }

    @Override
    public String kind() {
        return "schema";
    }
}
