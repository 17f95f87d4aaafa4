package com.datawow.datalog.quarantine;

import java.util.Arrays;

/**
 * The rules a row can break, each under the stable name (its name in kebab case) that {@code rejected_row.rule}, the
 * {@code NAME.rejected.csv} file and people use.
 */
public enum RowRule {
    /** A required value is null. */
    NULL_VALUE,
    /** A text value is empty or only whitespace. */
    EMPTY_VALUE,
    /** A timestamp outside the range PostgreSQL's {@code timestamp} can store. */
    TIMESTAMP_OUT_OF_RANGE,
    /** {@code product_expire} is before {@code create_at}. */
    EXPIRE_BEFORE_CREATE,
    /** A text value holds a NUL character, which PostgreSQL's text cannot store. */
    NUL_CHARACTER,
    /** The row places its sensor in another department than the one it already belongs to. */
    SENSOR_DEPARTMENT,
    /** PostgreSQL refused the row (a CHECK constraint, a trigger, a value it cannot take). */
    REJECTED_BY_DATABASE;

    public String id() {
        return KebabCase.of(this);
    }

    public static RowRule ofId(String id) {
        return Arrays.stream(values()).filter(rule -> rule.id().equals(id)).findFirst()
                .orElseThrow(() -> new IllegalArgumentException("no row rule named '" + id + "'"));
    }

    @Override
    public String toString() {
        return id();
    }
}
