package com.datawow.datalog.failure;

import java.util.OptionalLong;

/**
 * The file cannot be read as Parquet at all: zero bytes, no {@code PAR1} magic, truncated,
 * a corrupt footer or page, or a compression codec that the reader does not support.
 */
public final class UnreadableFileException extends BadInputException {

    public UnreadableFileException(String fileName, String reason, Throwable cause) {
        super(fileName + ": not a readable Parquet file: " + reason, OptionalLong.empty(), cause);
    }

    @Override
    public String kind() {
        return "unreadable";
    }
}
