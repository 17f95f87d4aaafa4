package com.datawow.datalog.parquet;

import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;

/** Conversions for the naive-timestamp microseconds that {@link SensorLogBatch} carries. */
public final class Timestamps {

    private static final LocalDateTime EPOCH = LocalDateTime.of(1970, 1, 1, 0, 0);

    private Timestamps() {
    }

    public static LocalDateTime toLocalDateTime(long micros) {
        return EPOCH.plus(micros, ChronoUnit.MICROS);
    }

    public static long toMicros(LocalDateTime time) {
        return time.toEpochSecond(ZoneOffset.UTC) * 1_000_000L + time.getNano() / 1_000;
    }
}
