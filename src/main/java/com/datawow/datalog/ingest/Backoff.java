package com.datawow.datalog.ingest;

import java.time.Duration;

/** Exponential back-off between attempts: initial, doubled each time, capped. */
public record Backoff(Duration initial, Duration max) {

    /** The pause after the given failed attempt (1-based). */
    public Duration after(int failedAttempts) {
        Duration delay = initial;
        for (int i = 1; i < failedAttempts && delay.compareTo(max) < 0; i++) {
            delay = delay.multipliedBy(2);
        }
        return delay.compareTo(max) > 0 ? max : delay;
    }
}
