package com.datawow.datalog.ops;

import com.datawow.datalog.ingest.IngestStatistics;

import java.time.Duration;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.function.LongSupplier;
import java.util.function.Supplier;

/**
 * Shows progress at a steady interval while files wait, and a last line when the backlog is gone;
 * silent while idle. A busy period is measured from the last idle tick, so the rate and ETA are
 * those of the current backlog, not diluted by idle hours.
 */
public final class ProgressReporter implements AutoCloseable {

    private final Supplier<IngestStatistics.Snapshot> statistics;
    private final LongSupplier waitingFiles;
    private final LongSupplier nanoTime;
    private final ProgressSink sink;
    private ScheduledExecutorService scheduler;

    private Baseline baseline;
    private boolean busy;

    private record Baseline(long files, long rows, long nanos) {
    }

    public ProgressReporter(Supplier<IngestStatistics.Snapshot> statistics, LongSupplier waitingFiles,
                            LongSupplier nanoTime, ProgressSink sink) {
        this.statistics = statistics;
        this.waitingFiles = waitingFiles;
        this.nanoTime = nanoTime;
        this.sink = sink;
        this.baseline = baselineNow();
    }

    /** Ticks every {@code interval} on a daemon thread of its own. */
    public synchronized void start(Duration interval) {
        if (scheduler != null) {
            return;
        }
        scheduler = Executors.newSingleThreadScheduledExecutor(task -> {
            Thread thread = new Thread(task, "progress");
            thread.setDaemon(true);
            return thread;
        });
        scheduler.scheduleAtFixedRate(this::tickQuietly, interval.toMillis(), interval.toMillis(), TimeUnit.MILLISECONDS);
    }

    /** One look at the backlog: called by the scheduler, and by tests directly. */
    public synchronized void tick() {
        long waiting = waitingFiles.getAsLong();
        if (waiting == 0 && !busy) {
            baseline = baselineNow();
            return;
        }
        busy = true;
        IngestStatistics.Snapshot now = statistics.get();
        ProgressSample sample = new ProgressSample(now.files() - baseline.files(), waiting, now.rows() - baseline.rows(),
                Duration.ofNanos(nanoTime.getAsLong() - baseline.nanos()));
        if (waiting > 0) {
            sink.progress(sample);
        } else {
            sink.drained(sample);
            busy = false;
            baseline = baselineNow();
        }
    }

    private void tickQuietly() {
        try {
            tick();
        } catch (RuntimeException e) {
            // a drop directory that cannot be listed for a moment must not end the reporting for good
            org.slf4j.LoggerFactory.getLogger(ProgressReporter.class).debug("Progress tick failed: {}", e.getMessage());
        }
    }

    private Baseline baselineNow() {
        IngestStatistics.Snapshot now = statistics.get();
        return new Baseline(now.files(), now.rows(), nanoTime.getAsLong());
    }

    @Override
    public synchronized void close() {
        if (scheduler != null) {
            scheduler.shutdownNow();
            scheduler = null;
        }
    }
}
