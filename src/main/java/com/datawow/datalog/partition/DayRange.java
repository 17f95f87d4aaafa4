package com.datawow.datalog.partition;

import java.time.LocalDate;
import java.time.LocalDateTime;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The range of {@code create_at} a datalog partition holds, from its bound as PostgreSQL prints it
 * ({@code FOR VALUES FROM ('2023-01-01 00:00:00') TO ('2023-01-02 00:00:00')}); MINVALUE and
 * MAXVALUE are open ends. A range is half-open: {@code from} is in it, {@code to} is not.
 */
record DayRange(Optional<LocalDateTime> from, Optional<LocalDateTime> to) {

    private static final Pattern BOUND = Pattern.compile("FOR VALUES FROM \\((.+)\\) TO \\((.+)\\)");

    static DayRange of(LocalDate day) {
        return new DayRange(Optional.of(day.atStartOfDay()), Optional.of(day.plusDays(1).atStartOfDay()));
    }

    /** The range of a partition bound; empty for the default partition or a bound of another shape. */
    static Optional<DayRange> parse(String bound) {
        Matcher matcher = BOUND.matcher(bound == null ? "" : bound.trim());
        if (!matcher.matches()) {
            return Optional.empty();
        }
        return Optional.of(new DayRange(end(matcher.group(1)), end(matcher.group(2))));
    }

    boolean overlaps(DayRange other) {
        boolean startsBeforeOtherEnds = from.isEmpty() || other.to.isEmpty() || from.get().isBefore(other.to.get());
        boolean endsAfterOtherStarts = to.isEmpty() || other.from.isEmpty() || to.get().isAfter(other.from.get());
        return startsBeforeOtherEnds && endsAfterOtherStarts;
    }

    /** Whether every row the range holds is before that day. */
    boolean endsOnOrBefore(LocalDate day) {
        return to.isPresent() && !to.get().isAfter(day.atStartOfDay());
    }

    private static Optional<LocalDateTime> end(String value) {
        String trimmed = value.trim();
        if (trimmed.equals("MINVALUE") || trimmed.equals("MAXVALUE")) {
            return Optional.empty();
        }
        return Optional.of(LocalDateTime.parse(trimmed.replaceAll("^'|'$", "").replace(' ', 'T')));
    }
}
