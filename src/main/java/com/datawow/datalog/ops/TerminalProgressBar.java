package com.datawow.datalog.ops;

import java.io.PrintStream;
import java.time.Duration;

/**
 * Progress as one bar redrawn in place (carriage return) on an interactive terminal. Every
 * {@code lineEvery} of a busy period the bar is left standing as a line and a new one starts below it,
 * so that a recorded terminal ({@code script}, {@code docker run -t}, a CI log) holds a progress line
 * at that interval rather than one line at the very end.
 */
public final class TerminalProgressBar implements ProgressSink {

    private static final int WIDTH = 30;

    private final PrintStream out;
    private final long lineEveryNanos;
    private int lastLength;
    private long linesKept;

    public TerminalProgressBar(PrintStream out, Duration lineEvery) {
        this.out = out;
        this.lineEveryNanos = lineEvery.toNanos();
    }

    @Override
    public synchronized void progress(ProgressSample sample) {
        draw(sample.bar(WIDTH));
        long intervalsPassed = sample.elapsed().toNanos() / lineEveryNanos;
        if (intervalsPassed > linesKept) {
            endLine();
            linesKept = intervalsPassed;
        }
    }

    @Override
    public synchronized void drained(ProgressSample sample) {
        draw(sample.bar(WIDTH));
        endLine();
        linesKept = 0;
    }

    private void draw(String bar) {
        // pad over the rest of a longer previous bar
        out.print("\r" + bar + " ".repeat(Math.max(0, lastLength - bar.length())));
        out.flush();
        lastLength = bar.length();
    }

    private void endLine() {
        out.println();
        out.flush();
        lastLength = 0;
    }
}
