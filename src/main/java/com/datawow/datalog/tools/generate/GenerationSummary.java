package com.datawow.datalog.tools.generate;

import java.time.Duration;

/** What a generation run wrote. */
public record GenerationSummary(long files, long rows, Duration elapsed) {

    public double seconds() {
        return elapsed.toNanos() / 1e9;
    }

    public double rowsPerSecond() {
        return elapsed.isZero() ? 0 : rows / seconds();
    }
}
