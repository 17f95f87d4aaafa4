package com.datawow.datalog.tools.bench;

import com.datawow.datalog.tools.generate.GenerationSummary;

import java.util.Optional;
import java.util.OptionalDouble;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** The figures of one bench run: what was generated, what the loader did, and the raw COPY beside it. */
public record BenchResult(GenerationSummary generated, long files, long rows, LoaderRun loader,
                          CopyBaseline.CopyResult copy, String serverVersion, int cores) {

    private static final Pattern SUMMARY_SECONDS = Pattern.compile(" rows in ([0-9]+(?:[.,][0-9]+)?) s ");

    public double loaderRowsPerSecond() {
        return rows / Math.max(loader.wallSeconds(), 1e-9);
    }

    public double loaderFilesPerSecond() {
        return files / Math.max(loader.wallSeconds(), 1e-9);
    }

    /** Loader rows/s over raw COPY rows/s: 1.0 would be as fast as COPY. */
    public double ratio() {
        return loaderRowsPerSecond() / copy.rowsPerSecond();
    }

    /** The time in the loader's own summary (daemon created to backlog drained: no JVM start-up), if it parses. */
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
