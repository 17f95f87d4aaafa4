package com.datawow.datalog.db;

/** The database cannot be reached or started: a transient condition, never a fault of the input. */
public class DatabaseUnavailableException extends RuntimeException {
    public DatabaseUnavailableException(String message, Throwable cause) {
        super(message, cause);
    }
}
