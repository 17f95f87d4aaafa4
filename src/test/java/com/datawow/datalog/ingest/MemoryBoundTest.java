package com.datawow.datalog.ingest;

import com.datawow.datalog.parquet.SampleRows;
import com.datawow.datalog.parquet.SensorLogFiles;
import com.datawow.datalog.parquet.SensorLogFixture;
import com.datawow.datalog.testing.ExactlyOnce;
import com.datawow.datalog.testing.ChildLoaderFixture;
import com.datawow.datalog.testing.LoaderProcess;
import com.datawow.datalog.testing.PostgresExtension;
import com.datawow.datalog.testing.TestDatabase;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.extension.ExtendWith;

import java.nio.file.Path;
import java.time.Duration;
import java.time.LocalDateTime;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Memory does not grow with file size (issue 3, invariant 5): a file of 2,000,000 rows, in
 * several row groups as a real writer makes it, loads in a JVM with a 256 MB heap.
 */
@ExtendWith(PostgresExtension.class)
class MemoryBoundTest {

    private static final int ROWS = 2_000_000;
    private static final String NAME = "2023-01-02 00:00:00.parquet";

    /** The warehouse schema, a drop directory, the child loaders. */
    @RegisterExtension
    final ChildLoaderFixture fixture = new ChildLoaderFixture();

    @Test
    void aTwoMillionRowFileLoadsWithA256MbHeap(TestDatabase database) throws Exception {
        // given one file of 2,000,000 rows in row groups of 500,000 (pyarrow's default is 1 Mi rows; Spark's ~128 MB)
        Path file = SensorLogFixture.generated(ROWS, new SampleRows(2).generator(LocalDateTime.of(2023, 1, 2, 0, 0)))
                .rowGroupRows(500_000)
                .writeTo(fixture.dropDir(), NAME);
        assertThat(SensorLogFiles.footer(file).getBlocks()).hasSize(4);

        // when run --once loads it with -Xmx256m (a heap dump is written if it runs out)
        // then it exits 0 with every row loaded
        LoaderProcess loader = fixture.runOnce(fixture.daemon()
                .maxHeap("256m")
                .jvmOption("-XX:+HeapDumpOnOutOfMemoryError")
                .jvmOption("-XX:HeapDumpPath=" + fixture.logs())
                .jvmOption("-XX:+ExitOnOutOfMemoryError"), Duration.ofMinutes(2));
        assertThat(loader.output()).contains("1 files: 1 loaded").doesNotContain("OutOfMemoryError");
        ExactlyOnce.assertLoadedExactlyOnce(database, fixture.dropDir(), Map.of(NAME, (long) ROWS));
    }
}
