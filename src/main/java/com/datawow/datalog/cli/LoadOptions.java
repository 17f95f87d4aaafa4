package com.datawow.datalog.cli;

import com.datawow.datalog.ingest.IngestSettings;
import picocli.CommandLine.Option;

import java.util.HashMap;
import java.util.Map;

/** How the loader loads, for the commands that run it ({@code run}, {@code bench}). */
public final class LoadOptions {

    @Option(names = "--batch-size", paramLabel = "N", description = "Rows per batch (default 10000; env DATALOG_BATCH_SIZE).")
    Integer batchSize;

    @Option(names = "--writer", paramLabel = "copy|insert", description = "How rows are written (default copy; env DATALOG_WRITER).")
    String writer;

    @Option(names = "--concurrency", paramLabel = "N", description = "Files loaded in parallel (default 2; env DATALOG_CONCURRENCY).")
    Integer concurrency;

    /** The settings these options override; options not given are left to the environment and the file. */
    public Map<String, String> overrides() {
        Map<String, String> overrides = new HashMap<>();
        if (batchSize != null) {
            overrides.put(IngestSettings.BATCH_SIZE, batchSize.toString());
        }
        if (writer != null) {
            overrides.put(IngestSettings.WRITER, writer);
        }
        if (concurrency != null) {
            overrides.put(IngestSettings.CONCURRENCY, concurrency.toString());
        }
        return overrides;
    }
}
