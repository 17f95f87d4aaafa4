package com.datawow.datalog.tools.bench;

import com.datawow.datalog.quarantine.BadRowMode;
import com.datawow.datalog.write.WriterKind;
import org.junit.jupiter.api.Test;

import java.nio.file.Path;

import static org.assertj.core.api.Assertions.assertThat;

/** What {@code bench} hands the loader it times, and how its summary names the settings. */
class BenchOptionsTest {

    @Test
    void theLoaderRunsInTheBadRowModeTheBenchWasGiven() {
        BenchOptions options = new BenchOptions(1441, new PostgresServer("jdbc:postgresql://127.0.0.1:5432/postgres", "postgres", ""),
                WriterKind.COPY, 2, 10_000, BadRowMode.QUARANTINE, "256m", Path.of("/tmp"), false);

        assertThat(options.loaderOptions())
                .containsExactly("--writer", "copy", "--concurrency", "2", "--batch-size", "10000", "--bad-rows", "quarantine");
        assertThat(options.describeLoader()).isEqualTo("writer copy, concurrency 2, batch size 10,000, bad rows quarantine, heap -Xmx256m");
    }
}
