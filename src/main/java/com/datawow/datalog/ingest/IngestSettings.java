package com.datawow.datalog.ingest;

import com.datawow.datalog.config.Settings;
import com.datawow.datalog.quarantine.BadRowSettings;
import com.datawow.datalog.write.WriterKind;

import java.nio.file.Path;
import java.time.Duration;
import java.util.OptionalInt;

/**
 * How the daemon loads, typed. Read from {@link Settings} (option > env > file).
 *
 * @param readLockMinAge how long a file must have been left alone before it is read (a writer still writing keeps it young)
 * @param retentionDays  whole days older than this are dropped; empty keeps everything
 * @param badRows        what a row that breaks a rule does: reject its file (the default) or go to quarantine
 */
public record IngestSettings(Path dropDir,
                             int batchSize,
                             WriterKind writer,
                             int concurrency,
                             Duration pollDelay,
                             Duration readLockMinAge,
                             Retry retry,
                             GroupBounds groupBounds,
                             OptionalInt retentionDays,
                             BadRowSettings badRows) {

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
    public static final String RETENTION_DAYS = "datalog.retention-days";

    /**
     * Attempts after failures: back-off between them while the database is away (for as long as it
     * takes), and how many unexplained failures a group bears before it narrows down.
     */
    public record Retry(Duration initialDelay, Duration maxDelay, int unexpectedAttempts) {
        public Retry {
            atLeast(RETRY_UNEXPECTED_ATTEMPTS, unexpectedAttempts, 1);
        }

        public Backoff backoff() {
            return new Backoff(initialDelay, maxDelay);
        }
    }

    /**
     * How much one transaction into datalog takes: files, rows (by the footers) and time (it stops
     * taking more files of its group then). A new day's group is bounded by its day instead.
     */
    public record GroupBounds(int maxFiles, long maxRows, Duration maxTime) {
        public GroupBounds {
            atLeast(GROUP_MAX_FILES, maxFiles, 1);
            atLeast(GROUP_MAX_ROWS, maxRows, 1);
            atLeast(GROUP_MAX_SECONDS, maxTime.toSeconds(), 1);
        }
    }

    public IngestSettings {
        atLeast(BATCH_SIZE, batchSize, 1);
        atLeast(CONCURRENCY, concurrency, 1);
        retentionDays.ifPresent(days -> atLeast(RETENTION_DAYS, days, 1));
    }

    public static IngestSettings from(Settings settings) {
        return new IngestSettings(
                Path.of(settings.get(DROP_DIR, "data_sample")),
                settings.getInt(BATCH_SIZE, 10_000),
                WriterKind.parse(settings.get(WRITER, WriterKind.COPY.name())),
                settings.getInt(CONCURRENCY, 2),
                Duration.ofMillis(settings.getLong(POLL_DELAY_MS, 500)),
                Duration.ofMillis(settings.getLong(READ_LOCK_MIN_AGE_MS, 1_000)),
                new Retry(Duration.ofMillis(settings.getLong(RETRY_INITIAL_DELAY_MS, 1_000)),
                        Duration.ofMillis(settings.getLong(RETRY_MAX_DELAY_MS, 30_000)),
                        settings.getInt(RETRY_UNEXPECTED_ATTEMPTS, 3)),
                new GroupBounds(settings.getInt(GROUP_MAX_FILES, 100), settings.getLong(GROUP_MAX_ROWS, 1_000_000),
                        Duration.ofSeconds(settings.getLong(GROUP_MAX_SECONDS, 10))),
                settings.get(RETENTION_DAYS).map(days -> OptionalInt.of(settings.getInt(RETENTION_DAYS, 0))).orElse(OptionalInt.empty()),
                BadRowSettings.from(settings));
    }

    public IngestSettings withBatchSize(int rows) {
        return new IngestSettings(dropDir, rows, writer, concurrency, pollDelay, readLockMinAge, retry, groupBounds, retentionDays, badRows);
    }

    public IngestSettings withWriter(WriterKind kind) {
        return new IngestSettings(dropDir, batchSize, kind, concurrency, pollDelay, readLockMinAge, retry, groupBounds, retentionDays, badRows);
    }

    public IngestSettings withConcurrency(int workers) {
        return new IngestSettings(dropDir, batchSize, writer, workers, pollDelay, readLockMinAge, retry, groupBounds, retentionDays, badRows);
    }

    public IngestSettings withReadLockMinAge(Duration quietFor) {
        return new IngestSettings(dropDir, batchSize, writer, concurrency, pollDelay, quietFor, retry, groupBounds, retentionDays, badRows);
    }

    public IngestSettings withRetry(Retry attempts) {
        return new IngestSettings(dropDir, batchSize, writer, concurrency, pollDelay, readLockMinAge, attempts, groupBounds, retentionDays, badRows);
    }

    public IngestSettings withGroupBounds(GroupBounds bounds) {
        return new IngestSettings(dropDir, batchSize, writer, concurrency, pollDelay, readLockMinAge, retry, bounds, retentionDays, badRows);
    }

    public IngestSettings withRetentionDays(int days) {
        return new IngestSettings(dropDir, batchSize, writer, concurrency, pollDelay, readLockMinAge, retry, groupBounds, OptionalInt.of(days), badRows);
    }

    public IngestSettings withBadRows(BadRowSettings settings) {
        return new IngestSettings(dropDir, batchSize, writer, concurrency, pollDelay, readLockMinAge, retry, groupBounds, retentionDays, settings);
    }

    /**
     * Connections the loader needs at most: each worker's group holds one, and its dimension
     * upserts (REQUIRES_NEW) borrow a second; the claimer's look at the partitions (or retention)
     * takes one; plus one for each database probe that may ask at the same time (readiness,
     * {@code datalog_database_up} at a scrape, the outage check after a failed attempt).
     */
    public int connectionsNeeded() {
        return 2 * concurrency + 4;
    }

    private static void atLeast(String key, long value, long minimum) {
        if (value < minimum) {
            throw new IllegalArgumentException(key + " must be at least " + minimum + ", got " + value);
        }
    }
}
