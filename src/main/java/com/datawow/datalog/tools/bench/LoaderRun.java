package com.datawow.datalog.tools.bench;

import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Optional;

/**
 * One {@code run --once} child: its exit code, wall time (start of the process to its exit, JVM start-up
 * included), peak RSS as last sampled, its summary line, and its output (in {@code log}).
 */
public record LoaderRun(int exitCode, Duration wall, long peakRssKb, Optional<String> summary, Path log, List<String> lastLines) {

    public boolean succeeded() {
        return exitCode == 0;
    }

    public double wallSeconds() {
        return wall.toNanos() / 1e9;
    }
}
