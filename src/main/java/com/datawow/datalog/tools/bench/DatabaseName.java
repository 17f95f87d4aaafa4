package com.datawow.datalog.tools.bench;

import java.time.LocalDateTime;
import java.time.format.DateTimeFormatter;
import java.util.regex.Pattern;

/**
 * A database name the bench creates and drops. The names are ours, but they end up in DDL (CREATE and
 * DROP DATABASE cannot take parameters), so they are checked against {@code [a-z0-9_]+} anyway.
 */
public record DatabaseName(String value) {

    public static final String PREFIX = "datalog_bench_";
    private static final Pattern SAFE = Pattern.compile("[a-z0-9_]{1,63}");
    private static final DateTimeFormatter STAMP = DateTimeFormatter.ofPattern("yyyyMMdd_HHmmss");

    public DatabaseName {
        if (value == null || !SAFE.matcher(value).matches()) {
            throw new IllegalArgumentException("Not a safe database name: " + value);
        }
    }

    /** {@code datalog_bench_<yyyyMMdd_HHmmss>_<pid>}: unique per run on one machine. */
    public static DatabaseName forRun(LocalDateTime now) {
        return new DatabaseName(PREFIX + STAMP.format(now) + "_" + ProcessHandle.current().pid());
    }

    public DatabaseName withSuffix(String suffix) {
        return new DatabaseName(value + "_" + suffix);
    }

    @Override
    public String toString() {
        return value;
    }
}
