package com.datawow.datalog.quarantine;

/**
 * A row set aside instead of loaded: where it is in its file, the rule it broke, why, and its values.
 *
 * @param row    the 1-based row of the file
 * @param reason what is wrong with it, for people (e.g. "sensor_serial is null")
 */
public record RejectedRow(long row, RowRule rule, String reason, RowValues values) {
}
