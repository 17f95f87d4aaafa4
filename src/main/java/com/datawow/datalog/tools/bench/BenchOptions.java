package com.datawow.datalog.tools.bench;

import com.datawow.datalog.quarantine.BadRowMode;
import com.datawow.datalog.write.WriterKind;

import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import java.util.regex.Pattern;

/** What one bench run does: how much to load, where, and with which loader settings. */
public record BenchOptions(long minutes, PostgresServer server, WriterKind writer, int concurrency, int batchSize,
                           BadRowMode badRows, String heap, Path workDir, boolean keep) {

    private static final Pattern HEAP = Pattern.compile("[1-9][0-9]*[kmgKMG]?");

    public BenchOptions {
        if (minutes < 1) {
            throw new IllegalArgumentException("--minutes must be at least 1, got " + minutes);
        }
        if (concurrency < 1) {
            throw new IllegalArgumentException("--concurrency must be at least 1, got " + concurrency);
        }
        if (batchSize < 1) {
            throw new IllegalArgumentException("--batch-size must be at least 1, got " + batchSize);
        }
        if (heap == null || !HEAP.matcher(heap).matches()) {
            throw new IllegalArgumentException("--heap must be a -Xmx size such as 256m, got " + heap);
        }
    }

    /** The loader's settings as options of {@code run}. */
    public List<String> loaderOptions() {
        return List.of("--writer", writer.name().toLowerCase(Locale.ROOT),
                "--concurrency", Integer.toString(concurrency),
                "--batch-size", Integer.toString(batchSize),
                "--bad-rows", badRows.id());
    }

    /** The loader's settings as the summary prints them. */
    public String describeLoader() {
        return String.format(Locale.ROOT, "writer %s, concurrency %d, batch size %,d, bad rows %s, heap -Xmx%s",
                writer.name().toLowerCase(Locale.ROOT), concurrency, batchSize, badRows, heap);
    }
}
