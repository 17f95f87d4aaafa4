package com.datawow.datalog.report;

/** The report could not be read from the warehouse (unreachable, no schema, ...): nothing was checked. */
public class ReportQueryException extends RuntimeException {
    public ReportQueryException(String message, Throwable cause) {
        super(message, cause);
    }
}
