package com.datawow.datalog.cli;

import picocli.CommandLine.ITypeConverter;
import picocli.CommandLine.TypeConversionException;

import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.format.DateTimeParseException;

/**
 * Reads a moment: an ISO-8601 instant ({@code 2026-12-01T10:00:00Z}, or with an offset), or a
 * minute as {@link MinuteConverter} reads it, taken as UTC (the ledger's times are shown in UTC).
 */
final class SinceConverter implements ITypeConverter<Instant> {

    @Override
    public Instant convert(String value) {
        String text = value.strip();
        try {
            return OffsetDateTime.parse(text).toInstant();
        } catch (DateTimeParseException notAnInstant) {
            try {
                return new MinuteConverter().convert(text).toInstant(ZoneOffset.UTC);
            } catch (TypeConversionException notAMinute) {
                throw new TypeConversionException("'" + value + "' is neither \"YYYY-MM-DD HH:MM\" (UTC) nor an ISO instant like 2026-12-01T10:00:00Z");
            }
        }
    }
}
