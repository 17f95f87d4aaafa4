package com.datawow.datalog.failure;

import java.util.OptionalLong;

/** A required column is missing, or is not of a type that the loader can read. */
public final class SchemaMismatchException extends ColumnException {

    /** @param column the name of the required column that is wrong */
    public SchemaMismatchException(String fileName, String column, String problem) {
        super(fileName + ": column " + column + " " + problem, OptionalLong.empty(), column);
    }

    @Override
    public String kind() {
        return "schema";
    }
}
