package com.datawow.datalog.partition;

import java.time.LocalDate;
import java.time.format.DateTimeFormatter;
import java.util.Optional;

/**
 * Where datalog rows are written: the {@code datalog} table itself, or the table of a new day that
 * is being built aside and will become its partition. Names are made here from a date, never from
 * a file's name or content, so they are safe to place in SQL text.
 */
public record DatalogTable(String name, Optional<LocalDate> day) {

    public static final DatalogTable DATALOG = new DatalogTable("datalog", Optional.empty());
    static final String DAY_PREFIX = "datalog_";
    private static final DateTimeFormatter DAY_SUFFIX = DateTimeFormatter.BASIC_ISO_DATE;

    public static DatalogTable ofDay(LocalDate day) {
        return new DatalogTable(DAY_PREFIX + DAY_SUFFIX.format(day), Optional.of(day));
    }

    public boolean isNewDay() {
        return day.isPresent();
    }

    @Override
    public String toString() {
        return name;
    }
}
