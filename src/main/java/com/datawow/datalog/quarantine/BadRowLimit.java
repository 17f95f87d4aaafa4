package com.datawow.datalog.quarantine;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.Locale;

/**
 * How many bad rows a file may have in quarantine mode before it is rejected whole after all
 * ({@code datalog.bad-rows.max-per-file}): a count ({@code 10}), a percentage of the file's rows
 * ({@code 1%}, {@code 0.5%}, rounded down to whole rows), or no limit (unset).
 */
public sealed interface BadRowLimit {

    BadRowLimit NONE = new None();

    /** The most bad rows a file of {@code fileRows} rows may have; one more rejects it. */
    long maxFor(long fileRows);

    /** The limit for a file of {@code fileRows} rows, for messages. */
    String describe(long fileRows);

    /** @throws IllegalArgumentException naming the setting, for anything but a count or a percentage from 0 to 100 */
    static BadRowLimit parse(String text) {
        String value = text.trim();
        try {
            if (value.endsWith("%")) {
                BigDecimal percent = new BigDecimal(value.substring(0, value.length() - 1).trim());
                if (percent.signum() >= 0 && percent.compareTo(Percent.HUNDRED) <= 0) {
                    return new Percent(percent);
                }
            } else {
                long rows = Long.parseLong(value);
                if (rows >= 0) {
                    return new Count(rows);
                }
            }
        } catch (NumberFormatException notANumber) {
            // the message below says what is wanted
        }
        throw new IllegalArgumentException(BadRowSettings.MAX_PER_FILE + " must be a count of rows (e.g. 10) or a percentage "
                + "of the file's rows from 0% to 100% (e.g. 1%), got '" + text + "'");
    }

    record None() implements BadRowLimit {
        @Override
        public long maxFor(long fileRows) {
            return Long.MAX_VALUE;
        }

        @Override
        public String describe(long fileRows) {
            return "no limit";
        }

        @Override
        public String toString() {
            return "none";
        }
    }

    record Count(long rows) implements BadRowLimit {
        @Override
        public long maxFor(long fileRows) {
            return rows;
        }

        @Override
        public String describe(long fileRows) {
            return String.format(Locale.ROOT, "%,d rows", rows);
        }

        @Override
        public String toString() {
            return Long.toString(rows);
        }
    }

    record Percent(BigDecimal percent) implements BadRowLimit {
        private static final BigDecimal HUNDRED = BigDecimal.valueOf(100);

        @Override
        public long maxFor(long fileRows) {
            return BigDecimal.valueOf(fileRows).multiply(percent).divide(HUNDRED, 0, RoundingMode.FLOOR).longValueExact();
        }

        @Override
        public String describe(long fileRows) {
            return String.format(Locale.ROOT, "%s of %,d rows: %,d", this, fileRows, maxFor(fileRows));
        }

        @Override
        public String toString() {
            return percent.stripTrailingZeros().toPlainString() + "%";
        }
    }
}
