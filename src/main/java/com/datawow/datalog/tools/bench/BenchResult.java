package com.datawow.datalog.tools.bench;

import com.datawow.datalog.tools.generate.GenerationSummary;

import java.util.Optional;
import java.util.OptionalDouble;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The figures of one bench run: what was generated, what the loader did, and the two raw COPYs beside it
 * (into the schema with its foreign keys, and without them).
 */
public record BenchResult(GenerationSummary generated, long files, long rows, LoaderRun loader,
                          CopyBaseline.CopyResult copy, CopyBaseline.CopyResult copyWithoutKeys, String serverVersion, int cores) {

    private static final Pattern SUMMARY_SECONDS = Pattern.compile(" rows in ([0-9]+(?:[.,][0-9]+)?) s ");

    /** The loader's time: its own (first file taken to last file finished), or its wall time if its summary does not say. */
    public double loaderSeconds() {
        return loaderOwnSeconds().orElse(loader.wallSeconds());
    }

    public double loaderRowsPerSecond() {
        return rows / Math.max(loaderSeconds(), 1e-9);
    }

    public double loaderFilesPerSecond() {
        return files / Math.max(loaderSeconds(), 1e-9);
    }

    /** Loader rows/s over a raw COPY's rows/s: 1.0 would be as fast as that COPY. */
    public double ratioTo(CopyBaseline.CopyResult baseline) {
        return loaderRowsPerSecond() / baseline.rowsPerSecond();
    }

    /** The same with the loader's wall time, JVM start-up and all. */
    public double wallRatioTo(CopyBaseline.CopyResult baseline) {
        return rows / Math.max(loader.wallSeconds(), 1e-9) / baseline.rowsPerSecond();
    }

    /** The time in the loader's own summary (first file taken to last file finished: no start-up), if it parses. */
    public OptionalDouble loaderOwnSeconds() {
        Optional<String> summary = loader.summary();
        if (summary.isEmpty()) {
            return OptionalDouble.empty();
        }
        Matcher matcher = SUMMARY_SECONDS.matcher(summary.get());
        if (!matcher.find()) {
            return OptionalDouble.empty();
        }
        return OptionalDouble.of(Double.parseDouble(matcher.group(1).replace(',', '.')));
    }
}
