package com.datawow.datalog.parquet;

import org.apache.parquet.io.api.Binary;
import org.apache.parquet.io.api.RecordConsumer;
import org.apache.parquet.schema.LogicalTypeAnnotation;
import org.apache.parquet.schema.LogicalTypeAnnotation.TimeUnit;
import org.apache.parquet.schema.PrimitiveType.PrimitiveTypeName;
import org.apache.parquet.schema.Type;
import org.apache.parquet.schema.Types;

import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.time.LocalDateTime;
import java.time.ZoneOffset;

/**
 * The Parquet type a fixture gives a column, and how it writes a row's value into it. Text values
 * written into numeric types (and timestamps into text) are converted in some arbitrary but
 * deterministic way: those combinations exist to make files with a wrong schema.
 */
public enum ColumnType {
    /** BYTE_ARRAY annotated STRING, as pyarrow writes text. */
    STRING(PrimitiveTypeName.BINARY, LogicalTypeAnnotation.stringType()),
    /** BYTE_ARRAY without annotation, as some older writers store text. */
    BINARY(PrimitiveTypeName.BINARY, null),
    INT32(PrimitiveTypeName.INT32, null),
    /** INT64 without annotation: a number, not a timestamp. */
    INT64(PrimitiveTypeName.INT64, null),
    DOUBLE(PrimitiveTypeName.DOUBLE, null),
    TIMESTAMP_MILLIS(PrimitiveTypeName.INT64, null),
    TIMESTAMP_MICROS(PrimitiveTypeName.INT64, null),
    TIMESTAMP_NANOS(PrimitiveTypeName.INT64, null),
    /** The legacy 12-byte Impala/Spark timestamp (nanoseconds of the day, Julian day). */
    INT96(PrimitiveTypeName.INT96, null);

    private static final long JULIAN_DAY_OF_EPOCH = 2_440_588L;

    private final PrimitiveTypeName physical;
    private final LogicalTypeAnnotation annotation;

    ColumnType(PrimitiveTypeName physical, LogicalTypeAnnotation annotation) {
        this.physical = physical;
        this.annotation = annotation;
    }

    Type declare(String name, Type.Repetition repetition, boolean adjustedToUtc) {
        return Types.primitive(physical, repetition).as(annotation(adjustedToUtc)).named(name);
    }

    private LogicalTypeAnnotation annotation(boolean adjustedToUtc) {
        return switch (this) {
            case TIMESTAMP_MILLIS -> LogicalTypeAnnotation.timestampType(adjustedToUtc, TimeUnit.MILLIS);
            case TIMESTAMP_MICROS -> LogicalTypeAnnotation.timestampType(adjustedToUtc, TimeUnit.MICROS);
            case TIMESTAMP_NANOS -> LogicalTypeAnnotation.timestampType(adjustedToUtc, TimeUnit.NANOS);
            default -> annotation;
        };
    }

    /** Writes a non-null value (a String, LocalDateTime or Number). */
    void write(RecordConsumer consumer, Object value) {
        switch (this) {
            case STRING, BINARY -> consumer.addBinary(Binary.fromString(String.valueOf(value)));
            case INT32 -> consumer.addInteger((int) asLong(value));
            case INT64 -> consumer.addLong(asLong(value));
            case DOUBLE -> consumer.addDouble(asLong(value));
            case TIMESTAMP_MILLIS -> consumer.addLong(sinceEpoch(asTime(value), 1_000L));
            case TIMESTAMP_MICROS -> consumer.addLong(sinceEpoch(asTime(value), 1_000_000L));
            case TIMESTAMP_NANOS -> consumer.addLong(sinceEpoch(asTime(value), 1_000_000_000L));
            case INT96 -> consumer.addBinary(int96(asTime(value)));
        }
    }

    private static long asLong(Object value) {
        return switch (value) {
            case Number number -> number.longValue();
            case LocalDateTime time -> time.toEpochSecond(ZoneOffset.UTC);
            default -> String.valueOf(value).length();
        };
    }

    private static LocalDateTime asTime(Object value) {
        if (value instanceof LocalDateTime time) {
            return time;
        }
        throw new IllegalArgumentException("a timestamp column needs a LocalDateTime, got " + value);
    }

    /** Units since 1970, truncated toward the past as writers do (the nano-of-second is never negative). */
    private static long sinceEpoch(LocalDateTime time, long unitsPerSecond) {
        return time.toEpochSecond(ZoneOffset.UTC) * unitsPerSecond + time.getNano() / (1_000_000_000L / unitsPerSecond);
    }

    private static Binary int96(LocalDateTime time) {
        long days = Math.floorDiv(time.toEpochSecond(ZoneOffset.UTC), 86_400L);
        long nanosOfDay = time.toLocalTime().toNanoOfDay();
        ByteBuffer bytes = ByteBuffer.allocate(12).order(ByteOrder.LITTLE_ENDIAN)
                .putLong(nanosOfDay)
                .putInt((int) (days + JULIAN_DAY_OF_EPOCH));
        return Binary.fromConstantByteArray(bytes.array());
    }
}
