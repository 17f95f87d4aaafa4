package com.datawow.datalog.ops;

import com.datawow.datalog.ingest.DropDirectory;
import com.datawow.datalog.ingest.FileOutcome;
import com.datawow.datalog.ingest.IngestStatistics;
import io.micrometer.core.instrument.FunctionCounter;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;

import java.time.Instant;
import java.util.Locale;
import java.util.function.ToLongFunction;

/**
 * The loader's own meters, read from {@link IngestStatistics} and the drop directory at scrape time.
 * In Prometheus text: {@code datalog_files_total{outcome}}, {@code datalog_rows_loaded_total},
 * {@code datalog_rows_rejected_total} (rows quarantine mode set aside),
 * {@code datalog_backlog_files}, {@code datalog_last_success_timestamp_seconds}
 * (and {@code datalog_batch_write_seconds}, see {@link BatchWriteTiming}; {@code datalog_database_up}, see
 * {@link DatabaseUpGauge}).
 */
public final class IngestMetrics {

    private IngestMetrics() {
    }

    public static void bind(MeterRegistry registry, IngestStatistics statistics, DropDirectory dropDirectory) {
        for (FileOutcome outcome : FileOutcome.values()) {
            ToLongFunction<IngestStatistics.Snapshot> count = switch (outcome) {
                case LOADED -> IngestStatistics.Snapshot::loaded;
                case REPLACED -> IngestStatistics.Snapshot::replaced;
                case DUPLICATE -> IngestStatistics.Snapshot::duplicates;
                case FAILED -> IngestStatistics.Snapshot::failed;
            };
            FunctionCounter.builder("datalog.files", statistics, s -> count.applyAsLong(s.snapshot()))
                    .description("Files finished, by outcome")
                    .tag("outcome", outcome.name().toLowerCase(Locale.ROOT))
                    .register(registry);
        }
        FunctionCounter.builder("datalog.rows.loaded", statistics, s -> s.snapshot().rows())
                .description("Datalog rows committed")
                .register(registry);
        FunctionCounter.builder("datalog.rows.rejected", statistics, s -> s.snapshot().rowsRejected())
                .description("Rows of committed files that quarantine mode set aside in rejected_row")
                .register(registry);
        Gauge.builder("datalog.backlog.files", dropDirectory, DropDirectory::waitingFiles)
                .description("Files waiting in the drop directory (including those in flight)")
                .register(registry);
        Gauge.builder("datalog.last.success.timestamp", statistics,
                        s -> s.snapshot().lastSuccess().map(IngestMetrics::epochSeconds).orElse(0.0))
                .description("When a file last finished without failure (epoch seconds; 0 = not yet)")
                .baseUnit("seconds")
                .register(registry);
    }

    private static double epochSeconds(Instant instant) {
        return instant.getEpochSecond() + instant.getNano() / 1e9;
    }
}
