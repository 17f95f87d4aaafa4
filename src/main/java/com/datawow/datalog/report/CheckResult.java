package com.datawow.datalog.report;

/** The outcome of one integrity check: how many violations it found. */
public record CheckResult(IntegrityCheck check, long violations) {

    public boolean passed() {
        return violations == 0;
    }
}
