package com.datawow.datalog.tools.bench;

import java.io.PrintWriter;
import java.util.Locale;

/** The bench's table: Markdown, so it reads in a terminal and pastes into the README. */
public final class BenchReport {

    private BenchReport() {
    }

    public static void print(BenchResult result, BenchOptions options, PrintWriter out) {
        LoaderRun loader = result.loader();
        CopyBaseline.CopyResult copy = result.copy();
        out.println();
        out.println("| measure | value |");
        out.println("|---|---:|");
        row(out, "files", "%,d", result.files());
        row(out, "rows", "%,d", result.rows());
        row(out, "loader wall time (child process, JVM start-up included)", "%.2f s", loader.wallSeconds());
        result.loaderOwnSeconds().ifPresent(seconds -> row(out, "loader time in its own summary (start-up excluded)", "%.2f s", seconds));
        row(out, "loader files/s", "%,.1f", result.loaderFilesPerSecond());
        row(out, "loader rows/s", "%,.0f", result.loaderRowsPerSecond());
        row(out, "loader peak RSS (VmHWM as last sampled, every 100 ms)", "%,.0f MiB", loader.peakRssKb() / 1024.0);
        row(out, "raw COPY time (one binary COPY, committed)", "%.2f s", copy.seconds());
        row(out, "raw COPY rows/s", "%,.0f", copy.rowsPerSecond());
        row(out, "**loader / raw COPY (rows/s)**", "**%.2f** (%.0f%%)", result.ratio(), 100 * result.ratio());
        out.println();
        out.printf(Locale.ROOT, "Settings: %s; PostgreSQL %s; %d cores.%n", options.describeLoader(), result.serverVersion(), result.cores());
        out.flush();
    }

    private static void row(PrintWriter out, String measure, String format, Object... values) {
        out.printf(Locale.ROOT, "| %s | %s |%n", measure, String.format(Locale.ROOT, format, values));
    }
}
