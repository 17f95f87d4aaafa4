package com.datawow.datalog.ingest;

import com.datawow.datalog.config.Settings;
import com.datawow.datalog.write.WriterKind;

import java.nio.file.Path;
import java.time.Duration;

/** What the ingest routes need to know, typed. Read from {@link Settings} (option > env > file). */
public record IngestSettings(Path dropDir,
                             int batchSize,
                             WriterKind writer,
                             int concurrency,
                             Duration pollDelay,
                             Duration readLockMinAge,
                             Duration retryInitialDelay,
                             Duration retryMaxDelay,
                             int unexpectedFailureAttempts) {

    public static final String DROP_DIR = "datalog.drop-dir";
    public static final String BATCH_SIZE = "datalog.batch-size";
    public static final String WRITER = "datalog.writer";
    public static final String CONCURRENCY = "datalog.concurrency";
    public static final String POLL_DELAY_MS = "datalog.poll-delay-ms";
    public static final String READ_LOCK_MIN_AGE_MS = "datalog.read-lock-min-age-ms";
    public static final String RETRY_INITIAL_DELAY_MS = "datalog.retry.initial-delay-ms";
    public static final String RETRY_MAX_DELAY_MS = "datalog.retry.max-delay-ms";

    public IngestSettings {
        if (batchSize < 1) {
            throw new IllegalArgumentException(BATCH_SIZE + " must be at least 1, got " + batchSize);
        }
        if (concurrency < 1) {
            throw new IllegalArgumentException(CONCURRENCY + " must be at least 1, got " + concurrency);
        }
    }

    public static IngestSettings from(Settings settings) {
        return new IngestSettings(
                Path.of(settings.get(DROP_DIR, "data_sample")),
                settings.getInt(BATCH_SIZE, 10_000),
                WriterKind.parse(settings.get(WRITER, WriterKind.COPY.name())),
                settings.getInt(CONCURRENCY, 2),
                Duration.ofMillis(settings.getLong(POLL_DELAY_MS, 500)),
                Duration.ofMillis(settings.getLong(READ_LOCK_MIN_AGE_MS, 1_000)),
                Duration.ofMillis(settings.getLong(RETRY_INITIAL_DELAY_MS, 1_000)),
                Duration.ofMillis(settings.getLong(RETRY_MAX_DELAY_MS, 30_000)),
                3);
    }

    /**
     * Connections the loader needs at most: each file in flight holds one, and its dimension
     * upserts (REQUIRES_NEW) borrow a second; the file-route's thread pool may run one more file
     * on the polling thread; plus one for each database probe that may ask at the same time
     * (readiness, {@code datalog_database_up} at a scrape, the outage check after a failed attempt).
     */
    public int connectionsNeeded() {
        return 2 * (concurrency + 1) + 3;
    }
}
