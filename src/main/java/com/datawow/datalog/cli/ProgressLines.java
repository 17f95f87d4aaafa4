package com.datawow.datalog.cli;

import com.datawow.datalog.tools.generate.GenerationProgress;

import java.io.PrintWriter;
import java.util.Locale;

/** Prints a progress line every few seconds, and at the end; safe to call from several threads. */
final class ProgressLines implements GenerationProgress {

    private static final long INTERVAL_NANOS = 5_000_000_000L;

    private final PrintWriter out;
    private final long started = System.nanoTime();
    private long lastPrinted = started;

    ProgressLines(PrintWriter out) {
        this.out = out;
    }

    @Override
    public synchronized void fileWritten(long filesWritten, long filesTotal) {
        long now = System.nanoTime();
        if (now - lastPrinted >= INTERVAL_NANOS || filesWritten == filesTotal) {
            lastPrinted = now;
            out.printf(Locale.ROOT, "  %,d / %,d files (%.1f%%) in %.0f s%n",
                    filesWritten, filesTotal, 100.0 * filesWritten / filesTotal, (now - started) / 1e9);
            out.flush();
        }
    }
}
