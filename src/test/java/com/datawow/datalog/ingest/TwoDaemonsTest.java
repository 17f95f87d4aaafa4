package com.datawow.datalog.ingest;

import com.datawow.datalog.report.ReportQuery;
import com.datawow.datalog.testing.LogLines;
import com.datawow.datalog.testing.PostgresExtension;
import com.datawow.datalog.testing.RunningLoader;
import com.datawow.datalog.testing.TestDatabase;
import com.datawow.datalog.tools.generate.GenerationProgress;
import com.datawow.datalog.tools.generate.MinuteRange;
import com.datawow.datalog.tools.generate.SampleFileGenerator;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;

import java.math.BigDecimal;
import java.nio.file.Path;
import java.time.Duration;
import java.time.LocalDateTime;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Two daemons on one drop directory and one warehouse, over a backlog of three days: every file is
 * loaded exactly once, archived once, and each new day is built aside and attached by one of them only.
 */
@ExtendWith(PostgresExtension.class)
class TwoDaemonsTest {

    @RegisterExtension
    final LogLines days = LogLines.of(GroupLoad.class);

    @Test
    void twoDaemonsOnOneDirectoryLoadEveryFileOnceAndBuildEachDayOnce(TestDatabase database, @TempDir Path dropDir) throws Exception {
        SampleFileGenerator generator = new SampleFileGenerator(dropDir, 2, GenerationProgress.NONE);
        generator.generate(new MinuteRange(LocalDateTime.of(2023, 1, 1, 23, 45), LocalDateTime.of(2023, 1, 2, 0, 14)));
        generator.generate(new MinuteRange(LocalDateTime.of(2023, 1, 2, 23, 50), LocalDateTime.of(2023, 1, 3, 0, 9)));
        int files = 30 + 20;

        IngestStatistics.Snapshot first;
        IngestStatistics.Snapshot second;
        try (RunningLoader one = RunningLoader.start(database, dropDir); RunningLoader other = RunningLoader.start(database, dropDir)) {
            first = one.awaitDrained(Duration.ofMinutes(2));
            second = other.awaitDrained(Duration.ofMinutes(2));
        }

        assertThat(database.queryRows("SELECT count(*), sum(row_count), count(DISTINCT checksum) FROM ingest_ledger WHERE status = 'loaded'"))
                .containsExactly(List.of((long) files, BigDecimal.valueOf(files * 1_914L), (long) files));
        assertThat(database.queryLong("SELECT count(*) FROM datalog")).isEqualTo(files * 1_914L);
        assertThat(database.queryLong("SELECT count(*) FROM ingest_ledger WHERE status = 'failed'")).isZero();
        assertThat(first.loaded() + second.loaded()).as("each file loaded by one of the two").isEqualTo(files);
        assertThat(RunningLoader.namesIn(dropDir)).containsExactly(".done");
        assertThat(RunningLoader.namesIn(dropDir.resolve(".done"))).hasSize(files);

        assertThat(database.queryRows("SELECT inhrelid::regclass::text FROM pg_inherits WHERE inhparent = 'datalog'::regclass ORDER BY 1"))
                .extracting(row -> row.get(0))
                .containsExactly("datalog_20230101", "datalog_20230102", "datalog_20230103", "datalog_default");
        for (String day : List.of("2023-01-01", "2023-01-02", "2023-01-03")) {
            assertThat(days.count("INFO Day " + day + " loaded aside and attached")).as("builds of %s", day).isEqualTo(1);
        }
        assertThat(new ReportQuery(database.dataSource()).run().failedChecks()).isEmpty();
    }
}
