package com.datawow.datalog.parquet;

import dev.hardwood.reader.ColumnReader;

import java.nio.ByteBuffer;
import java.nio.ByteOrder;

/**
 * How a timestamp column stores its values, and their conversion to the microseconds of
 * {@link SensorLogBatch}. The conversion is the same whether or not the column is adjusted to
 * UTC: a UTC-adjusted value becomes its UTC wall-clock time, a naive value stays as it is.
 * Nanoseconds below a microsecond are truncated toward the past (PostgreSQL keeps microseconds).
 * A value too large to be expressed in microseconds saturates to {@code Long.MIN_VALUE} or
 * {@code Long.MAX_VALUE}, which the row rules reject as out of range.
 */
enum TimestampEncoding {
    INT64_MILLIS {
        @Override
        long micros(long millis) {
            return millis > MAX_MILLIS ? Long.MAX_VALUE
                    : millis < -MAX_MILLIS ? Long.MIN_VALUE
                    : millis * 1_000L;
        }
    },
    INT64_MICROS {
        @Override
        long micros(long micros) {
            return micros;
        }
    },
    INT64_NANOS {
        @Override
        long micros(long nanos) {
            return Math.floorDiv(nanos, 1_000L);
        }
    },
    /**
     * The legacy Impala/Spark layout: 12 bytes, little-endian nanoseconds of the day followed by
     * the Julian day number. Writers store the UTC time in it. Its statistics are not ordered
     * (the format deprecates them), so {@link #micros(long)} does not apply.
     */
    INT96 {
        @Override
        long[] toMicros(ColumnReader column, int count) {
            byte[][] values = column.getBinaries();
            long[] micros = new long[count];
            for (int i = 0; i < count; i++) {
                if (values[i] != null) {
                    micros[i] = int96ToMicros(values[i]);
                }
            }
            return micros;
        }

        @Override
        boolean hasOrderedStatistics() {
            return false;
        }

        @Override
        long micros(long raw) {
            throw new UnsupportedOperationException("INT96 timestamps are 12 bytes, not a long");
        }
    };

    private static final long MAX_MILLIS = Long.MAX_VALUE / 1_000L;
    private static final long JULIAN_DAY_OF_EPOCH = 2_440_588L;
    private static final long MICROS_PER_DAY = 86_400_000_000L;

    /** One INT64 value of the column (as stored, in its unit) in microseconds. */
    abstract long micros(long raw);

    /** The first {@code count} values of the column's current batch, in microseconds. */
    long[] toMicros(ColumnReader column, int count) {
        long[] raw = column.getLongs();
        long[] micros = new long[count];
        for (int i = 0; i < count; i++) {
            micros[i] = micros(raw[i]);
        }
        return micros;
    }

    /** Whether the footer's min/max statistics of such a column order its values (INT64 yes, INT96 no). */
    boolean hasOrderedStatistics() {
        return true;
    }

    static long int96ToMicros(byte[] value) {
        ByteBuffer buffer = ByteBuffer.wrap(value).order(ByteOrder.LITTLE_ENDIAN);
        long nanosOfDay = buffer.getLong(0);
        long julianDay = buffer.getInt(8);
        long days = julianDay - JULIAN_DAY_OF_EPOCH;
        try {
            return Math.addExact(Math.multiplyExact(days, MICROS_PER_DAY), Math.floorDiv(nanosOfDay, 1_000L));
        } catch (ArithmeticException overflow) {
            return days < 0 ? Long.MIN_VALUE : Long.MAX_VALUE;
        }
    }
}
