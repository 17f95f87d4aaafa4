package com.datawow.datalog.parquet;

import java.time.LocalDate;
import java.util.Optional;

/**
 * The earliest and latest {@code create_at} of a file (microseconds, as in {@link SensorLogBatch}),
 * as its footer's statistics state them.
 */
public record CreateAtRange(long minMicros, long maxMicros) {

    public CreateAtRange {
        if (minMicros > maxMicros) {
            throw new IllegalArgumentException("min " + minMicros + " is after max " + maxMicros);
        }
    }

    /** The day all of the file's rows belong to, if they all belong to one. */
    public Optional<LocalDate> singleDay() {
        LocalDate first = Timestamps.toLocalDateTime(minMicros).toLocalDate();
        LocalDate last = Timestamps.toLocalDateTime(maxMicros).toLocalDate();
        return first.equals(last) ? Optional.of(first) : Optional.empty();
    }
}
