package com.datawow.datalog.ingest;

import com.datawow.datalog.config.Settings;
import com.datawow.datalog.write.WriterKind;

import java.nio.file.Path;
import java.time.Duration;

/**
 * What the ingest routes need to know, typed. Read from {@link Settings} (option > env > file).
 *
 * @param groupMaxFiles files one transaction into datalog takes at most (a new day's group takes all of its day's)
 * @param groupMaxRows  rows (by the files' footers) one transaction into datalog takes at most
 * @param groupMaxTime  how long a transaction into datalog keeps taking more files of its group
 */
public record IngestSettings(Path dropDir,
                             int batchSize,
                             WriterKind writer,
                             int concurrency,
                             Duration pollDelay,
                             Duration readLockMinAge,
                             Duration retryInitialDelay,
                             Duration retryMaxDelay,
                             int unexpectedFailureAttempts,
                             int groupMaxFiles,
                             long groupMaxRows,
                             Duration groupMaxTime) {

    public static final String DROP_DIR = "datalog.drop-dir";
    public static final String BATCH_SIZE = "datalog.batch-size";
    public static final String WRITER = "datalog.writer";
    public static final String CONCURRENCY = "datalog.concurrency";
    public static final String POLL_DELAY_MS = "datalog.poll-delay-ms";
    public static final String READ_LOCK_MIN_AGE_MS = "datalog.read-lock-min-age-ms";
    public static final String RETRY_INITIAL_DELAY_MS = "datalog.retry.initial-delay-ms";
    public static final String RETRY_MAX_DELAY_MS = "datalog.retry.max-delay-ms";
    public static final String RETRY_UNEXPECTED_ATTEMPTS = "datalog.retry.unexpected-attempts";
    public static final String GROUP_MAX_FILES = "datalog.group.max-files";
    public static final String GROUP_MAX_ROWS = "datalog.group.max-rows";
    public static final String GROUP_MAX_SECONDS = "datalog.group.max-seconds";

    public IngestSettings {
        atLeast(BATCH_SIZE, batchSize, 1);
        atLeast(CONCURRENCY, concurrency, 1);
        atLeast(RETRY_UNEXPECTED_ATTEMPTS, unexpectedFailureAttempts, 1);
        atLeast(GROUP_MAX_FILES, groupMaxFiles, 1);
        atLeast(GROUP_MAX_ROWS, groupMaxRows, 1);
        atLeast(GROUP_MAX_SECONDS, groupMaxTime.toSeconds(), 1);
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
                settings.getInt(RETRY_UNEXPECTED_ATTEMPTS, 3),
                settings.getInt(GROUP_MAX_FILES, 100),
                settings.getLong(GROUP_MAX_ROWS, 1_000_000),
                Duration.ofSeconds(settings.getLong(GROUP_MAX_SECONDS, 10)));
    }

    public Backoff backoff() {
        return new Backoff(retryInitialDelay, retryMaxDelay);
    }

    public IngestSettings withBatchSize(int rows) {
        return new IngestSettings(dropDir, rows, writer, concurrency, pollDelay, readLockMinAge, retryInitialDelay, retryMaxDelay,
                unexpectedFailureAttempts, groupMaxFiles, groupMaxRows, groupMaxTime);
    }

    public IngestSettings withWriter(WriterKind kind) {
        return new IngestSettings(dropDir, batchSize, kind, concurrency, pollDelay, readLockMinAge, retryInitialDelay, retryMaxDelay,
                unexpectedFailureAttempts, groupMaxFiles, groupMaxRows, groupMaxTime);
    }

    public IngestSettings withConcurrency(int workers) {
        return new IngestSettings(dropDir, batchSize, writer, workers, pollDelay, readLockMinAge, retryInitialDelay, retryMaxDelay,
                unexpectedFailureAttempts, groupMaxFiles, groupMaxRows, groupMaxTime);
    }

    public IngestSettings withReadLockMinAge(Duration quietFor) {
        return new IngestSettings(dropDir, batchSize, writer, concurrency, pollDelay, quietFor, retryInitialDelay, retryMaxDelay,
                unexpectedFailureAttempts, groupMaxFiles, groupMaxRows, groupMaxTime);
    }

    public IngestSettings withGroupMaxFiles(int files) {
        return new IngestSettings(dropDir, batchSize, writer, concurrency, pollDelay, readLockMinAge, retryInitialDelay, retryMaxDelay,
                unexpectedFailureAttempts, files, groupMaxRows, groupMaxTime);
    }

    /**
     * Connections the loader needs at most: each worker's group holds one, and its dimension
     * upserts (REQUIRES_NEW) borrow a second; plus the health check, the outage probe and the
     * claimer's look at the partitions.
     */
    public int connectionsNeeded() {
        return 2 * concurrency + 3;
    }

    private static void atLeast(String key, long value, long minimum) {
        if (value < minimum) {
            throw new IllegalArgumentException(key + " must be at least " + minimum + ", got " + value);
        }
    }
}
