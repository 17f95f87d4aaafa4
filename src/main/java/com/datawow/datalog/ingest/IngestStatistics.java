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
    private final AtomicReference<Instant> firstTaken = new AtomicReference<>();
    private final AtomicReference<Instant> lastFinished = new AtomicReference<>();

    public IngestStatistics(Clock clock) {
        this.clock = clock;
        this.started = clock.instant();
    }

    /** A group of files was taken: the loader's work begins (if it had not). */
    public void taken() {
        firstTaken.compareAndSet(null, clock.instant());
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
        Instant now = clock.instant();
        lastFinished.set(now);
        if (outcome != FileOutcome.FAILED) {
            lastSuccess.set(now);
        }
    }

    public Snapshot snapshot() {
        Instant first = firstTaken.get();
        Instant last = lastFinished.get();
        Duration working = first == null || last == null || last.isBefore(first) ? Duration.ZERO : Duration.between(first, last);
        return new Snapshot(loaded.sum(), replaced.sum(), duplicates.sum(), failed.sum(), rows.sum(), rowsRejected.sum(),
                Duration.between(started, clock.instant()), working, Optional.ofNullable(lastFile.get()), Optional.ofNullable(lastSuccess.get()));
    }

    /**
     * Totals at one moment. {@code loaded} counts new content; {@code replaced} counts new content that superseded a
     * same-name load; {@code rowsRejected} the rows of committed files that quarantine set aside.
     * {@code elapsed} runs from the daemon's start; {@code working} from the first file taken to the last one finished.
     */
    public record Snapshot(long loaded, long replaced, long duplicates, long failed, long rows, long rowsRejected, Duration elapsed,
                           Duration working, Optional<String> lastFile, Optional<Instant> lastSuccess) {

        public long files() {
            return loaded + replaced + duplicates + failed;
        }

        public double rowsPerSecond() {
            double seconds = elapsed.toNanos() / 1e9;
            return seconds <= 0 ? 0 : rows / seconds;
        }

        /**
         * One line; the time is the work's (first file taken to last file finished: no start-up, no idle
         * time after); the rows set aside are named only when there are some.
         */
        public String summary() {
            String rejected = rowsRejected == 0 ? "" : String.format("; %,d bad rows set aside", rowsRejected);
            double seconds = working.toNanos() / 1e9;
            return String.format("%d files: %d loaded, %d replaced, %d duplicates, %d failed%s; %,d rows in %.1f s (%,.0f rows/s)",
                    files(), loaded, replaced, duplicates, failed, rejected, rows, seconds, seconds <= 0 ? 0 : rows / seconds);
        }
    }
}
