package com.datawow.datalog.tools.generate;

import java.time.LocalDateTime;
import java.time.format.DateTimeFormatter;
import java.time.temporal.ChronoUnit;

/**
 * A run of consecutive minutes of the sample month, both ends inclusive, as sampledata.py's
 * {@code pandas.date_range("2023-01-01", end="2023-01-31", freq="min")} (43,201 minutes).
 */
public record MinuteRange(LocalDateTime first, LocalDateTime last) {

    public static final LocalDateTime MONTH_FIRST = LocalDateTime.of(2023, 1, 1, 0, 0);
    public static final LocalDateTime MONTH_LAST = LocalDateTime.of(2023, 1, 31, 0, 0);
    private static final DateTimeFormatter MINUTE = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm");

    public MinuteRange {
        requireWholeMinuteOfMonth("start", first);
        requireWholeMinuteOfMonth("end", last);
        if (first.isAfter(last)) {
            throw new IllegalArgumentException("The range starts (" + format(first) + ") after it ends (" + format(last) + ")");
        }
    }

    /** The whole sample month. */
    public static MinuteRange month() {
        return new MinuteRange(MONTH_FIRST, MONTH_LAST);
    }

    /** {@code count} minutes starting at {@code first}. */
    public static MinuteRange starting(LocalDateTime first, long count) {
        if (count < 1) {
            throw new IllegalArgumentException("The number of minutes must be at least 1, got " + count);
        }
        return new MinuteRange(first, first.plusMinutes(count - 1));
    }

    /** {@code 2023-01-01 00:00 .. 2023-01-31 00:00}. */
    @Override
    public String toString() {
        return format(first) + " .. " + format(last);
    }

    /** {@code 2023-01-01 00:00}, as the command line takes it. */
    public static String format(LocalDateTime minute) {
        return MINUTE.format(minute);
    }

    public long size() {
        return ChronoUnit.MINUTES.between(first, last) + 1;
    }

    /** How many minutes of the month come before {@code minute}: its position in the original run. */
    static long minutesIntoMonth(LocalDateTime minute) {
        return ChronoUnit.MINUTES.between(MONTH_FIRST, minute);
    }

    private static void requireWholeMinuteOfMonth(String end, LocalDateTime minute) {
        if (minute == null) {
            throw new IllegalArgumentException("The range " + end + " is missing");
        }
        if (minute.isBefore(MONTH_FIRST) || minute.isAfter(MONTH_LAST)) {
            throw new IllegalArgumentException("The range " + end + " " + format(minute) + " is outside the sample month "
                    + format(MONTH_FIRST) + " .. " + format(MONTH_LAST));
        }
        if (minute.getSecond() != 0 || minute.getNano() != 0) {
            throw new IllegalArgumentException("The range " + end + " " + minute + " is not a whole minute");
        }
    }
}
