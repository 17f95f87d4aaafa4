package com.datawow.datalog.cli;

import picocli.CommandLine.ITypeConverter;
import picocli.CommandLine.TypeConversionException;

import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;

/** Reads {@code "YYYY-MM-DD HH:MM"} (seconds optional, a T instead of the space, or a bare date for midnight). */
final class MinuteConverter implements ITypeConverter<LocalDateTime> {

    private static final DateTimeFormatter DATE_TIME = DateTimeFormatter.ofPattern("uuuu-MM-dd['T'][' ']HH:mm[:ss]");

    @Override
    public LocalDateTime convert(String value) {
        String text = value.strip();
        try {
            return text.length() == "YYYY-MM-DD".length()
                    ? LocalDate.parse(text).atStartOfDay()
                    : LocalDateTime.parse(text, DATE_TIME);
        } catch (DateTimeParseException e) {
            throw new TypeConversionException("'" + value + "' is not a minute like \"2023-01-01 00:00\"");
        }
    }
}
