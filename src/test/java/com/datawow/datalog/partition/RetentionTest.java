package com.datawow.datalog.partition;

import com.datawow.datalog.ingest.IngestSettings;
import com.datawow.datalog.parquet.SampleRows;
import com.datawow.datalog.parquet.SensorLogFixture;
import com.datawow.datalog.parquet.SensorLogRow;
import com.datawow.datalog.quarantine.BadRowLimit;
import com.datawow.datalog.quarantine.BadRowSettings;
import com.datawow.datalog.report.ReportQuery;
import com.datawow.datalog.testing.PostgresExtension;
import com.datawow.datalog.testing.RunningLoader;
import com.datawow.datalog.testing.TestDatabase;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/** Retention by whole days: a day that goes takes its files' rows, and their rejected rows, with it. */
@ExtendWith(PostgresExtension.class)
class RetentionTest {

    private static final LocalDateTime DAY = LocalDateTime.of(2023, 1, 5, 0, 0);

    @Test
    void aDroppedDaysFilesExpireWithTheirRejectedRows(TestDatabase database, @TempDir Path dropDir) throws Exception {
        SampleRows sample = new SampleRows(21);
        List<SensorLogRow> rows = new ArrayList<>(sample.minute(DAY, 100));
        rows.set(4, rows.get(4).withSensorSerial(null));
        SensorLogFixture.of(rows).writeTo(dropDir, "2023-01-05 00:00:00.parquet");
        SensorLogFixture.of(sample.minute(DAY.plusDays(1), 100)).writeTo(dropDir, "2023-01-06 00:00:00.parquet");
        IngestSettings quarantine = RunningLoader.fastSettings(dropDir).withBadRows(BadRowSettings.quarantine(BadRowLimit.NONE));
        try (RunningLoader loader = RunningLoader.start(database, database.jdbcUrl(), quarantine)) {
            loader.awaitDrained(Duration.ofMinutes(1));
        }

        // the first day kept is 2023-01-06: 2023-01-05 goes
        Clock clock = Clock.fixed(Instant.parse("2023-01-16T12:00:00Z"), ZoneOffset.UTC);
        long dropped = new Retention(10, database.dataSource(), clock).dropExpired();

        assertThat(dropped).isEqualTo(99);
        assertThat(database.queryRows("SELECT file_name, status FROM ingest_ledger ORDER BY file_name")).containsExactly(
                List.of("2023-01-05 00:00:00.parquet", "expired"), List.of("2023-01-06 00:00:00.parquet", "loaded"));
        assertThat(database.queryLong("SELECT count(*) FROM rejected_row")).isZero();
        assertThat(new ReportQuery(database.dataSource()).run().failedChecks()).isEmpty();
    }
}
