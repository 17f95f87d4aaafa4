package com.datawow.datalog.parquet;

import com.datawow.datalog.failure.InvalidRowException;
import dev.hardwood.reader.Validity;

import java.time.LocalDateTime;

/**
 * The rules every row must keep, checked row by row so that the first bad row of the file is
 * the one reported:
 * <ul>
 *   <li>no required value is null;</li>
 *   <li>no text value is empty or only whitespace (other values are kept exactly, untrimmed);</li>
 *   <li>timestamps lie within PostgreSQL's {@code timestamp} range;</li>
 *   <li>{@code product_expire} is not before {@code create_at} (equal is allowed).</li>
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
     * @param nulls the validity of each column of {@link SensorLogColumn}, in its order (text
     *              columns hold {@code null} for a null value; timestamps need the validity)
     * @throws InvalidRowException for the first row that breaks a rule
     */
    static void check(SensorLogBatch batch, Validity[] nulls, String fileName) {
        for (int i = 0; i < batch.size(); i++) {
            long row = batch.rowNumber(i);
            requireText(batch.departmentNames()[i], SensorLogColumn.DEPARTMENT_NAME, row, fileName);
            requireText(batch.sensorSerials()[i], SensorLogColumn.SENSOR_SERIAL, row, fileName);
            requireTimestamp(batch.createAt()[i], nulls, i, SensorLogColumn.CREATE_AT, row, fileName);
            requireText(batch.productNames()[i], SensorLogColumn.PRODUCT_NAME, row, fileName);
            requireTimestamp(batch.productExpire()[i], nulls, i, SensorLogColumn.PRODUCT_EXPIRE, row, fileName);
            if (batch.productExpire()[i] < batch.createAt()[i]) {
                throw new InvalidRowException(fileName, row, SensorLogColumn.PRODUCT_EXPIRE.columnName(),
                        "product_expire " + Timestamps.toLocalDateTime(batch.productExpire()[i])
                                + " is before create_at " + Timestamps.toLocalDateTime(batch.createAt()[i]));
            }
        }
    }

    private static void requireText(String value, SensorLogColumn column, long row, String fileName) {
        if (value == null) {
            throw new InvalidRowException(fileName, row, column.columnName(), column.columnName() + " is null");
        }
        if (value.isBlank()) {
            throw new InvalidRowException(fileName, row, column.columnName(),
                    column.columnName() + " is empty" + (value.isEmpty() ? "" : " (only whitespace)"));
        }
    }

    private static void requireTimestamp(long micros, Validity[] nulls, int index, SensorLogColumn column, long row,
                                         String fileName) {
        if (nulls[column.ordinal()].isNull(index)) {
            throw new InvalidRowException(fileName, row, column.columnName(), column.columnName() + " is null");
        }
        if (micros < MIN_MICROS || micros >= END_MICROS) {
            throw new InvalidRowException(fileName, row, column.columnName(), column.columnName()
                    + " is outside the range PostgreSQL can store (4713 BC to 294276 AD)");
        }
    }
}
