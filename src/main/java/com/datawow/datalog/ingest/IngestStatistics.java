package com.datawow.datalog.ingest;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicReference;
import java.util.concurrent.atomic.LongAdder;

/** Running totals of the daemon: what the summary, the progress line and the metrics report. */
public final class IngestStatistics {

    private final Clock clock;
    private final Instant started;
    private final LongAdder loaded = new LongAdder();
    private final LongAdder replaced = new LongAdder();
    private final LongAdder duplicates = new LongAdder();
    private final LongAdder failed = new LongAdder();
    private final LongAdder rows = new LongAdder();
    private final LongAdder rowsRejected = new LongAdder();
    private final AtomicReference<String> lastFile = new AtomicReference<>();
    private final AtomicReference<Instant> lastSuccess = new AtomicReference<>();

    public IngestStatistics(Clock clock) {
        this.clock = clock;
        this.started = clock.instant();
    }

    public void record(String fileName, FileOutcome outcome, long rowCount) {
        record(fileName, outcome, rowCount, 0);
    }

    /** @param rejectedRows the file's rows that quarantine set aside */
    public void record(String fileName, FileOutcome outcome, long rowCount, long rejectedRows) {
        switch (outcome) {
            case LOADED -> loaded.increment();
            case REPLACED -> replaced.increment();
            case DUPLICATE -> duplicates.increment();
            case FAILED -> failed.increment();
        }
        rows.add(rowCount);
        rowsRejected.add(rejectedRows);
        lastFile.set(fileName);
        if (outcome != FileOutcome.FAILED) {
            lastSuccess.set(clock.instant());
        }
    }

    public Snapshot snapshot() {
        return new Snapshot(loaded.sum(), replaced.sum(), duplicates.sum(), failed.sum(), rows.sum(), rowsRejected.sum(),
                Duration.between(started, clock.instant()), Optional.ofNullable(lastFile.get()), Optional.ofNullable(lastSuccess.get()));
    }

    /**
     * Totals at one moment. {@code loaded} counts new content; {@code replaced} counts new content that superseded a
     * same-name load; {@code rowsRejected} the rows of committed files that quarantine set aside.
     */
    public record Snapshot(long loaded, long replaced, long duplicates, long failed, long rows, long rowsRejected, Duration elapsed,
                           Optional<String> lastFile, Optional<Instant> lastSuccess) {

        public long files() {
            return loaded + replaced + duplicates + failed;
        }

        public double rowsPerSecond() {
            double seconds = elapsed.toNanos() / 1e9;
            return seconds <= 0 ? 0 : rows / seconds;
        }

        /** One line; the rows set aside are named only when there are some. */
        public String summary() {
            String rejected = rowsRejected == 0 ? "" : String.format("; %,d bad rows set aside", rowsRejected);
            return String.format("%d files: %d loaded, %d replaced, %d duplicates, %d failed%s; %,d rows in %.1f s (%,.0f rows/s)",
                    files(), loaded, replaced, duplicates, failed, rejected, rows, elapsed.toMillis() / 1000.0, rowsPerSecond());
        }
    }
}
