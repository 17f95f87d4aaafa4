package com.datawow.datalog.write;

import java.util.Arrays;
import java.util.Locale;

/** How datalog rows reach the table. Both write inside the file's transaction. */
public enum WriterKind {
    /** pgjdbc CopyManager, binary COPY: the measured default (see README). */
    COPY,
    /** camel-sql batch=true INSERTs, rewritten by pgjdbc (reWriteBatchedInserts) into multi-row INSERTs. */
    INSERT;

    public static WriterKind parse(String value) {
        try {
            return valueOf(value.trim().toUpperCase(Locale.ROOT));
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException("datalog.writer must be one of " + Arrays.toString(values()) + ", got '" + value + "'");
        }
    }
}
