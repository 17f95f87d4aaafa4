package com.datawow.datalog.tools.generate;


import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.atomic.AtomicReference;

/**
 * Writes the sample files of a range of minutes into a directory. The random stream stays on
 * the calling thread (it is sequential by nature); encoding and writing the files, the costly
 * part, runs on a few writer threads, with a bounded number of minutes in flight.
 */
public record SampleFileGenerator(Path directory, int writerThreads, GenerationProgress progress) {

    public SampleFileGenerator {
        if (writerThreads < 1) {
            throw new IllegalArgumentException("At least one writer thread is needed, got " + writerThreads);
        }
    }

    /** Writes one file per minute of {@code range}; fails on the first file that cannot be written. */
    public GenerationSummary generate(MinuteRange range) throws IOException, InterruptedException {
        long started = System.nanoTime();
        Files.createDirectories(directory);
        SampleGenerator generator = SampleGenerator.over(range);
        long total = range.size();
        AtomicLong written = new AtomicLong();
        AtomicReference<IOException> failure = new AtomicReference<>();
        Semaphore inFlight = new Semaphore(writerThreads * 2);
        ExecutorService writers = Executors.newFixedThreadPool(writerThreads, Thread.ofPlatform().name("generate-writer-", 1).factory());
        try {
            while (generator.hasNext() && failure.get() == null) {
                SampleMinute minute = generator.next();
                inFlight.acquire();
                writers.execute(() -> {
                    try {
                        SensorLogFileWriter.write(directory.resolve(minute.fileName()), minute.toBatch());
                        progress.fileWritten(written.incrementAndGet(), total);
                    } catch (IOException | RuntimeException e) {
                        failure.compareAndSet(null, asIoException(minute, e));
                    } finally {
                        inFlight.release();
                    }
                });
            }
        } finally {
            writers.shutdown();
            if (!writers.awaitTermination(1, TimeUnit.HOURS)) {
                writers.shutdownNow();
            }
        }
        if (failure.get() != null) {
            throw failure.get();
        }
        long files = written.get();
        return new GenerationSummary(files, files * generator.catalog().rowsPerMinute(),
                Duration.ofNanos(System.nanoTime() - started));
    }

    private static IOException asIoException(SampleMinute minute, Exception e) {
        return new IOException("Cannot write " + minute.fileName() + ": " + e.getMessage(), e);
    }
}
