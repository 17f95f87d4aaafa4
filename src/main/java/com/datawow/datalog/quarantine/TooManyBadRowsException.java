package com.datawow.datalog.quarantine;

import com.datawow.datalog.failure.BadInputException;

import java.util.OptionalLong;

/** Quarantine mode: a file has more bad rows than {@code datalog.bad-rows.max-per-file} allows, so it is rejected whole. */
public final class TooManyBadRowsException extends BadInputException {

    /** @param last the bad row one over the limit */
    public TooManyBadRowsException(String fileName, RejectedRow last, long badRows, long fileRows, BadRowLimit limit) {
        super(fileName + ": " + badRows + " bad rows, more than " + BadRowSettings.MAX_PER_FILE + " allows ("
                + limit.describe(fileRows) + "); row " + last.row() + ": " + last.reason(), OptionalLong.of(last.row()), null);
    }

    @Override
    public String kind() {
        return "too-many-bad-rows";
    }
}
