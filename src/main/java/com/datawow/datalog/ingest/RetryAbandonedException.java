package com.datawow.datalog.ingest;

/** The loader is stopping while a file waits to be retried: the file stays for the next start. */
public final class RetryAbandonedException extends Exception {
    public RetryAbandonedException(String fileName, Throwable lastFailure) {
        super("Stopping: '" + fileName + "' stays in the drop directory (last failure: " + lastFailure + ")", lastFailure);
    }
}
