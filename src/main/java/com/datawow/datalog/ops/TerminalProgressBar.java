package com.datawow.datalog.ops;

import java.io.PrintStream;

/** Progress as one bar redrawn in place (carriage return) on an interactive terminal. */
public final class TerminalProgressBar implements ProgressSink {

    private static final int WIDTH = 30;

    private final PrintStream out;
    private int lastLength;

    public TerminalProgressBar(PrintStream out) {
        this.out = out;
    }

    @Override
    public synchronized void progress(ProgressSample sample) {
        draw(sample.bar(WIDTH));
    }

    @Override
    public synchronized void drained(ProgressSample sample) {
        draw(sample.bar(WIDTH));
        out.println();
        out.flush();
        lastLength = 0;
    }

    private void draw(String bar) {
        // pad over the rest of a longer previous bar
        out.print("\r" + bar + " ".repeat(Math.max(0, lastLength - bar.length())));
        out.flush();
        lastLength = bar.length();
    }
}
