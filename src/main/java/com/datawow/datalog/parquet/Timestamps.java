package com.datawow.datalog.parquet;

import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeFormatterBuilder;
import java.time.temporal.ChronoField;
import java.time.temporal.ChronoUnit;

/** Conversions for the naive-timestamp microseconds that {@link SensorLogBatch} carries. */
public final class Timestamps {

    private static final LocalDateTime EPOCH = LocalDateTime.of(1970, 1, 1, 0, 0);
    /** As PostgreSQL prints a timestamp: the fraction only when there is one. */
    private static final DateTimeFormatter TEXT = new DateTimeFormatterBuilder()
            .appendPattern("uuuu-MM-dd HH:mm:ss")
            .appendFraction(ChronoField.MICRO_OF_SECOND, 0, 6, true)
            .toFormatter();

    private Timestamps() {
    }

    public static LocalDateTime toLocalDateTime(long micros) {
        return EPOCH.plus(micros, ChronoUnit.MICROS);
    }

    /** {@code yyyy-MM-dd HH:mm:ss[.ffffff]}, any year (also those PostgreSQL cannot store). */
    public static String toText(long micros) {
        return TEXT.format(toLocalDateTime(micros));
    }

    public static long toMicros(LocalDateTime time) {
        return time.toEpochSecond(ZoneOffset.UTC) * 1_000_000L + time.getNano() / 1_000;
    }
}
