package com.datawow.datalog.failure;

import org.slf4j.Logger;

import java.io.IOException;

/** Stopping a resource that may not stop cleanly: its failure is logged, not thrown, so what stops after it still stops. */
public final class Stopping {

    /** One stop that may fail with an I/O error. */
    @FunctionalInterface
    public interface Stop {
        void run() throws IOException;
    }

    private Stopping() {
    }

    /** Runs {@code stop}; an I/O failure is a warning on {@code log} that names {@code what}. */
    public static void logFailure(Logger log, String what, Stop stop) {
        try {
            stop.run();
        } catch (IOException e) {
            log.warn("{} did not stop cleanly: {}", what, e.getMessage());
        }
    }
}
