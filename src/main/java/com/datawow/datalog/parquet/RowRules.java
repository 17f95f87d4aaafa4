package com.datawow.datalog.parquet;

import com.datawow.datalog.failure.InvalidRowException;
import com.datawow.datalog.quarantine.BadRows;
import com.datawow.datalog.quarantine.RejectedRow;
import com.datawow.datalog.quarantine.RowRule;
import com.datawow.datalog.quarantine.RowValues;
import dev.hardwood.reader.Validity;

import java.time.LocalDateTime;
import java.util.BitSet;

/**
 * The rules every row must keep, checked row by row in file order, so that in reject-file mode
 * the first bad row of the file is the one reported:
 * <ul>
 *   <li>no required value is null;</li>
 *   <li>no text value is empty or only whitespace (other values are kept exactly, untrimmed);</li>
 *   <li>timestamps lie within PostgreSQL's {@code timestamp} range;</li>
 *   <li>{@code product_expire} is not before {@code create_at} (equal is allowed);</li>
 *   <li>in quarantine mode also: no text value holds a NUL character, which PostgreSQL's text
 *       cannot store (in reject-file mode PostgreSQL's own refusal rejects the file).</li>
 * </ul>
 */
final class RowRules {

    /** PostgreSQL's first timestamp: 4714-11-24 BC (ISO year -4713), Julian day 0. */
    static final long MIN_MICROS = Timestamps.toMicros(LocalDateTime.of(-4713, 11, 24, 0, 0));
    /**
     * Microseconds in a long end in the year 294247, before PostgreSQL's last timestamp (294276),
     * so only {@code Long.MAX_VALUE}, the mark of a value that overflowed, is out of range above.
     */
    static final long END_MICROS = Long.MAX_VALUE;

    private RowRules() {
    }

    /**
     * Tells {@code badRows} of every row that breaks a rule: in reject-file mode the first one
     * rejects the file with an {@link InvalidRowException}; in quarantine mode each is set aside.
     *
     * @param nulls the validity of each column of {@link SensorLogColumn}, in its order (text
     *              columns hold {@code null} for a null value; timestamps need the validity)
     * @return the indexes of the rows set aside, or null when every row keeps the rules
     */
    static BitSet check(SensorLogBatch batch, Validity[] nulls, String fileName, BadRows badRows) {
        boolean storableText = badRows.setsRowsAside();
        BitSet setAside = null;
        for (int i = 0; i < batch.size(); i++) {
            Violation violation = violationOf(batch, nulls, i, storableText);
            if (violation != null) {
                long row = batch.rowNumber(i);
                RowValues values = batch.valuesOf(i, isNull(nulls, SensorLogColumn.CREATE_AT, i), isNull(nulls, SensorLogColumn.PRODUCT_EXPIRE, i));
                badRows.found(new RejectedRow(row, violation.rule(), violation.problem(), values),
                        () -> new InvalidRowException(fileName, row, violation.column().columnName(), violation.problem()));
                if (setAside == null) {
                    setAside = new BitSet(batch.size());
                }
                setAside.set(i);
            }
        }
        return setAside;
    }

    /** The first rule row {@code i} breaks, or null. */
    private static Violation violationOf(SensorLogBatch batch, Validity[] nulls, int i, boolean storableText) {
        Violation violation = text(batch.departmentNames()[i], SensorLogColumn.DEPARTMENT_NAME, storableText);
        if (violation == null) {
            violation = text(batch.sensorSerials()[i], SensorLogColumn.SENSOR_SERIAL, storableText);
        }
        if (violation == null) {
            violation = timestamp(batch.createAt()[i], nulls, i, SensorLogColumn.CREATE_AT);
        }
        if (violation == null) {
            violation = text(batch.productNames()[i], SensorLogColumn.PRODUCT_NAME, storableText);
        }
        if (violation == null) {
            violation = timestamp(batch.productExpire()[i], nulls, i, SensorLogColumn.PRODUCT_EXPIRE);
        }
        if (violation == null && batch.productExpire()[i] < batch.createAt()[i]) {
            violation = new Violation(SensorLogColumn.PRODUCT_EXPIRE, RowRule.EXPIRE_BEFORE_CREATE,
                    "product_expire " + Timestamps.toLocalDateTime(batch.productExpire()[i])
                            + " is before create_at " + Timestamps.toLocalDateTime(batch.createAt()[i]));
        }
        return violation;
    }

    private static Violation text(String value, SensorLogColumn column, boolean storableText) {
        if (value == null) {
            return new Violation(column, RowRule.NULL_VALUE, column.columnName() + " is null");
        }
        if (value.isBlank()) {
            return new Violation(column, RowRule.EMPTY_VALUE, column.columnName() + " is empty" + (value.isEmpty() ? "" : " (only whitespace)"));
        }
        if (storableText && value.indexOf('\0') >= 0) {
            return new Violation(column, RowRule.NUL_CHARACTER,
                    column.columnName() + " holds a NUL character (0x00), which PostgreSQL's text cannot store");
        }
        return null;
    }

    private static Violation timestamp(long micros, Validity[] nulls, int index, SensorLogColumn column) {
        if (isNull(nulls, column, index)) {
            return new Violation(column, RowRule.NULL_VALUE, column.columnName() + " is null");
        }
        if (micros < MIN_MICROS || micros >= END_MICROS) {
            return new Violation(column, RowRule.TIMESTAMP_OUT_OF_RANGE,
                    column.columnName() + " is outside the range PostgreSQL can store (4713 BC to 294276 AD)");
        }
        return null;
    }

    private static boolean isNull(Validity[] nulls, SensorLogColumn column, int index) {
        return nulls[column.ordinal()].isNull(index);
    }

    /** The rule a row breaks, in which column, and how. */
    private record Violation(SensorLogColumn column, RowRule rule, String problem) {
    }
}
