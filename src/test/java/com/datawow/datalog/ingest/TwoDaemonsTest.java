package com.datawow.datalog.ingest;

import com.datawow.datalog.tools.generate.GenerationProgress;
import com.datawow.datalog.tools.generate.MinuteRange;
import com.datawow.datalog.tools.generate.SampleFileGenerator;
import com.datawow.datalog.testing.PostgresExtension;
import com.datawow.datalog.testing.RunningLoader;
import com.datawow.datalog.testing.TestDatabase;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;

import java.math.BigDecimal;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/** Two daemons on one drop directory and one warehouse still load each file exactly once. */
@ExtendWith(PostgresExtension.class)
class TwoDaemonsTest {

    private static final int FILES = 40;

    @Test
    void twoDaemonsOnOneDirectoryLoadEveryFileOnce(TestDatabase database, @TempDir Path dropDir) throws Exception {
        new SampleFileGenerator(dropDir, 2, GenerationProgress.NONE).generate(MinuteRange.starting(MinuteRange.MONTH_FIRST, FILES));

        IngestStatistics.Snapshot first;
        IngestStatistics.Snapshot second;
        try (RunningLoader one = RunningLoader.start(database, dropDir); RunningLoader other = RunningLoader.start(database, dropDir)) {
            first = one.awaitDrained(Duration.ofMinutes(2));
            second = other.awaitDrained(Duration.ofMinutes(2));
        }

        assertThat(database.queryRows("SELECT count(*), sum(row_count), count(DISTINCT checksum) FROM ingest_ledger WHERE status = 'loaded'"))
                .containsExactly(List.of((long) FILES, BigDecimal.valueOf(FILES * 1_914L), (long) FILES));
        assertThat(database.queryLong("SELECT count(*) FROM datalog")).isEqualTo(FILES * 1_914L);
        assertThat(database.queryLong("SELECT count(*) FROM ingest_ledger WHERE status = 'failed'")).isZero();
        assertThat(first.loaded() + second.loaded()).as("each file loaded by one of the two").isEqualTo(FILES);
        assertThat(RunningLoader.namesIn(dropDir)).containsExactly(".done");
        assertThat(RunningLoader.namesIn(dropDir.resolve(".done"))).hasSize(FILES);
    }
}
