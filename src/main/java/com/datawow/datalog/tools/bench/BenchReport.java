package com.datawow.datalog.tools.bench;

import java.io.PrintWriter;
import java.util.Locale;

/** The bench's table: Markdown, so it reads in a terminal and pastes into the README. */
public final class BenchReport {

    private BenchReport() {
    }

    public static void print(BenchResult result, BenchOptions options, PrintWriter out) {
        LoaderRun loader = result.loader();
        out.println();
        out.println("| measure | value |");
        out.println("|---|---:|");
        row(out, "files", "%,d", result.files());
        row(out, "rows", "%,d", result.rows());
        row(out, "loader wall time (child process, JVM start-up included)", "%.2f s", loader.wallSeconds());
        result.loaderOwnSeconds().ifPresent(seconds -> row(out, "loader time (its summary: first file taken to last file done)", "%.2f s", seconds));
        row(out, "loader files/s", "%,.1f", result.loaderFilesPerSecond());
        row(out, "loader rows/s", "%,.0f", result.loaderRowsPerSecond());
        row(out, "loader peak RSS (VmHWM as last sampled, every 100 ms)", "%,.0f MiB", loader.peakRssKb() / 1024.0);
        copyRows(out, "raw COPY with the foreign keys", result.copy());
        copyRows(out, "raw COPY without foreign keys", result.copyWithoutKeys());
        row(out, "**loader / raw COPY with the foreign keys**", "**%.2f** (wall time: %.2f)",
                result.ratioTo(result.copy()), result.wallRatioTo(result.copy()));
        row(out, "**loader / raw COPY without foreign keys**", "**%.2f** (wall time: %.2f)",
                result.ratioTo(result.copyWithoutKeys()), result.wallRatioTo(result.copyWithoutKeys()));
        out.println();
        out.printf(Locale.ROOT, "Settings: %s; PostgreSQL %s; %d cores. Each raw COPY is one binary COPY of the loader's resolved rows "
                + "into a fresh copy of the schema with a partition per day, committed.%n", options.describeLoader(), result.serverVersion(), result.cores());
        out.flush();
    }

    private static void copyRows(PrintWriter out, String what, CopyBaseline.CopyResult copy) {
        row(out, what + ": time", "%.2f s", copy.seconds());
        row(out, what + ": rows/s", "%,.0f", copy.rowsPerSecond());
    }

    private static void row(PrintWriter out, String measure, String format, Object... values) {
        out.printf(Locale.ROOT, "| %s | %s |%n", measure, String.format(Locale.ROOT, format, values));
    }
}
