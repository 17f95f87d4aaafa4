package com.datawow.datalog.testing;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.function.BooleanSupplier;
import java.util.function.Supplier;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.fail;

/** Waiting for a condition of the drop directory or the database, polled, never a blind sleep. */
public final class LoaderChecks {

    private LoaderChecks() {
    }

    /** Polls {@code condition} every few milliseconds; fails with {@code diagnosis} after {@code timeout}. */
    public static void awaitUntil(String what, Duration timeout, BooleanSupplier condition, Supplier<String> diagnosis)
            throws InterruptedException {
        long deadline = System.nanoTime() + timeout.toNanos();
        while (!condition.getAsBoolean()) {
            if (System.nanoTime() > deadline) {
                fail("Timed out after %s waiting until %s%n%s", timeout, what, diagnosis.get());
            }
            Thread.sleep(5);
        }
    }

    /** How many {@code *.parquet} files are in {@code dir} (0 if it does not exist yet). */
    public static int parquetFilesIn(Path dir) {
        if (!Files.isDirectory(dir)) {
            return 0;
        }
        try (Stream<Path> entries = Files.list(dir)) {
            return (int) entries.filter(path -> path.getFileName().toString().endsWith(".parquet")).count();
        } catch (IOException e) {
            // a file moved away while listing: count again next time
            if (e instanceof java.nio.file.NoSuchFileException) {
                return parquetFilesIn(dir);
            }
            throw new UncheckedIOException(e);
        }
    }
}
