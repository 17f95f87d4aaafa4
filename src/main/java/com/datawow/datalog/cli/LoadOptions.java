package com.datawow.datalog.cli;

import com.datawow.datalog.ingest.IngestSettings;
import com.datawow.datalog.quarantine.BadRowSettings;
import picocli.CommandLine.Option;

import java.util.HashMap;
import java.util.Map;

/** How the loader loads, for the commands that run it ({@code run}, {@code bench}). */
public final class LoadOptions {

    @Option(names = "--batch-size", paramLabel = "N", description = "Rows per batch (default 10000; env DATALOG_BATCH_SIZE).")
    Integer batchSize;

    @Option(names = "--writer", paramLabel = "copy|insert", description = "How rows are written (default copy; env DATALOG_WRITER).")
    String writer;

    @Option(names = "--concurrency", paramLabel = "N", description = "Workers, each loading one group of files at a time (default 2; env DATALOG_CONCURRENCY).")
    Integer concurrency;

    @Option(names = "--bad-rows", paramLabel = "reject-file|quarantine",
            description = "A row that breaks a rule rejects its file, or is set aside in rejected_row while the file's other rows load "
                    + "(default reject-file; env DATALOG_BAD_ROWS; limit: DATALOG_BAD_ROWS_MAX_PER_FILE).")
    String badRows;

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
        if (badRows != null) {
            overrides.put(BadRowSettings.BAD_ROWS, badRows);
        }
        return overrides;
    }
}
