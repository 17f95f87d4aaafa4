package com.datawow.datalog.console;

import com.datawow.datalog.ingest.IngestStatistics;
import com.datawow.datalog.ops.ProgressSample;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.Iterator;
import java.util.List;

/**
 * The last hour of throughput, for the console's chart and its "now": a bounded ring of samples
 * of the daemon's running totals (files finished, rows committed), one every {@link #INTERVAL}.
 * Rates are differences between samples, so the ring's size, not the load, bounds its memory.
 */
public final class ThroughputHistory {

    public static final Duration INTERVAL = Duration.ofSeconds(5);
    public static final Duration SPAN = Duration.ofHours(1);
    /** The window of the console's current rate and ETA: long enough to smooth one file's bumps. */
    static final Duration RECENT = Duration.ofMinutes(1);

    private final int capacity = (int) (SPAN.toSeconds() / INTERVAL.toSeconds()) + 1;
    private final Deque<Sample> samples = new ArrayDeque<>(capacity);

    /** The totals at one moment. */
    record Sample(Instant at, long files, long rows) {
    }

    /** Throughput between two neighbouring samples, at the time of the later one. */
    public record Point(Instant at, double rowsPerSecond, double filesPerMinute) {
    }

    public synchronized void record(Instant at, IngestStatistics.Snapshot totals) {
        if (samples.size() == capacity) {
            samples.removeFirst();
        }
        samples.addLast(new Sample(at, totals.files(), totals.rows()));
    }

    /** The chart: one point per interval over the last hour, oldest first. */
    public synchronized List<Point> points() {
        List<Point> points = new ArrayList<>(Math.max(0, samples.size() - 1));
        Iterator<Sample> it = samples.iterator();
        Sample previous = it.hasNext() ? it.next() : null;
        while (it.hasNext()) {
            Sample next = it.next();
            double seconds = Duration.between(previous.at(), next.at()).toNanos() / 1e9;
            if (seconds > 0) {
                points.add(new Point(next.at(), (next.rows() - previous.rows()) / seconds,
                        (next.files() - previous.files()) * 60 / seconds));
            }
            previous = next;
        }
        return points;
    }

    /**
     * Progress from the oldest sample of the last minute up to {@code totals} taken {@code now},
     * with {@code waiting} files left: its rate and ETA are the console's "now". Nothing done
     * (rate unknown) until a sample of the last minute exists.
     */
    public synchronized ProgressSample recent(Instant now, IngestStatistics.Snapshot totals, long waiting) {
        Instant windowStart = now.minus(RECENT);
        for (Sample sample : samples) {
            if (!sample.at().isBefore(windowStart) && sample.at().isBefore(now)) {
                return new ProgressSample(totals.files() - sample.files(), waiting, totals.rows() - sample.rows(),
                        Duration.between(sample.at(), now));
            }
        }
        return new ProgressSample(0, waiting, 0, Duration.ZERO);
    }
}
