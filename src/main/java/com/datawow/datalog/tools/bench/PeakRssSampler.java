package com.datawow.datalog.tools.bench;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;

/**
 * Peak resident memory of a process: its {@code VmHWM} (the kernel's high-water mark of RSS) read
 * from {@code /proc/<pid>/status} every {@code period}. The figure is the high-water mark as last
 * sampled: whatever the process reached after the last sample before it exited is missed. Linux only;
 * elsewhere it stays at 0.
 */
public final class PeakRssSampler implements AutoCloseable {

    private final Path status;
    private final AtomicLong peakKb = new AtomicLong();
    private final ScheduledExecutorService timer = Executors.newSingleThreadScheduledExecutor(runnable -> {
        Thread thread = new Thread(runnable, "bench-rss-sampler");
        thread.setDaemon(true);
        return thread;
    });

    public PeakRssSampler(long pid, long periodMillis) {
        this.status = Path.of("/proc", Long.toString(pid), "status");
        timer.scheduleAtFixedRate(this::sample, 0, periodMillis, TimeUnit.MILLISECONDS);
    }

    /** The largest VmHWM seen so far, in KiB (0 if never read). */
    public long peakKb() {
        return peakKb.get();
    }

    private void sample() {
        try {
            for (String line : Files.readAllLines(status)) {
                if (line.startsWith("VmHWM:")) {
                    long kb = Long.parseLong(line.substring("VmHWM:".length()).replace("kB", "").trim());
                    peakKb.accumulateAndGet(kb, Math::max);
                    return;
                }
            }
        } catch (IOException | RuntimeException gone) {
            // the process has exited (or this is not Linux): keep the last figure
        }
    }

    @Override
    public void close() {
        timer.shutdownNow();
    }
}
