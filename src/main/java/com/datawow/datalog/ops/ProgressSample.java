package com.datawow.datalog.ops;

import java.time.Duration;
import java.util.Locale;
import java.util.Optional;

/**
 * Progress through a backlog since it appeared: files finished, files still waiting, rows
 * committed and the time it took. Pure arithmetic and text, no clock of its own.
 */
public record ProgressSample(long filesDone, long waiting, long rows, Duration elapsed) {

    public double rowsPerSecond() {
        double seconds = elapsed.toNanos() / 1e9;
        return seconds <= 0 ? 0 : rows / seconds;
    }

    public double filesPerSecond() {
        double seconds = elapsed.toNanos() / 1e9;
        return seconds <= 0 ? 0 : filesDone / seconds;
    }

    /** Time left at the rate so far; empty until a file has finished. */
    public Optional<Duration> eta() {
        if (waiting == 0) {
            return Optional.of(Duration.ZERO);
        }
        double rate = filesPerSecond();
        if (rate <= 0) {
            return Optional.empty();
        }
        return Optional.of(Duration.ofMillis(Math.round(waiting / rate * 1000)));
    }

    /** Share of the backlog done, 0..1. */
    public double fraction() {
        long total = filesDone + waiting;
        return total == 0 ? 1 : (double) filesDone / total;
    }

    /** e.g. {@code 120 files done, 1,380 waiting; 36,500 rows/s; ETA 4m 05s}. */
    public String line() {
        return String.format(Locale.ROOT, "%,d files done, %,d waiting; %,.0f rows/s; ETA %s",
                filesDone, waiting, rowsPerSecond(), eta().map(ProgressSample::duration).orElse("unknown"));
    }

    /** e.g. {@code [##########----------]  50%  120/240 files  36,500 rows/s  ETA 0m 30s}, {@code width} marks wide. */
    public String bar(int width) {
        int filled = (int) Math.floor(fraction() * width);
        return String.format(Locale.ROOT, "[%s%s] %3d%%  %,d/%,d files  %,.0f rows/s  ETA %s",
                "#".repeat(filled), "-".repeat(width - filled), (int) Math.floor(fraction() * 100),
                filesDone, filesDone + waiting, rowsPerSecond(), eta().map(ProgressSample::duration).orElse("unknown"));
    }

    /** {@code 45s}, {@code 4m 05s}, {@code 2h 03m}. */
    static String duration(Duration duration) {
        long seconds = Math.max(0, (duration.toMillis() + 999) / 1000);
        if (seconds < 60) {
            return seconds + "s";
        }
        if (seconds < 3600) {
            return String.format(Locale.ROOT, "%dm %02ds", seconds / 60, seconds % 60);
        }
        return String.format(Locale.ROOT, "%dh %02dm", seconds / 3600, (seconds % 3600) / 60);
    }
}
