package com.datawow.datalog.ingest;

import com.datawow.datalog.tools.generate.GenerationProgress;
import com.datawow.datalog.tools.generate.MinuteRange;
import com.datawow.datalog.tools.generate.SampleFileGenerator;
import com.datawow.datalog.tools.generate.SampleGenerator;
import com.datawow.datalog.tools.generate.SampleMinute;
import com.datawow.datalog.tools.generate.SampleRow;
import com.datawow.datalog.testing.PostgresExtension;
import com.datawow.datalog.testing.RunningLoader;
import com.datawow.datalog.testing.TestDatabase;
import com.datawow.datalog.write.WriterKind;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

import java.nio.file.Path;
import java.time.Duration;
import java.time.LocalDateTime;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;

import static org.assertj.core.api.Assertions.assertThat;

/** Half an hour of the generator's minutes, loaded with either writer, each into an empty warehouse. */
@ExtendWith(PostgresExtension.class)
class IngestEndToEndTest {

    private static final MinuteRange FIRST_HALF_HOUR = MinuteRange.starting(MinuteRange.MONTH_FIRST, 30);

    @ParameterizedTest
    @EnumSource(WriterKind.class)
    void thirtyGeneratedMinutesLoadIntoExactlyTheGeneratorsRows(WriterKind writer, TestDatabase database, @TempDir Path dropDir)
            throws Exception {
        database.execute("DROP TABLE IF EXISTS rejected_row, datalog, ingest_ledger, sensor, department, product CASCADE");
        new SampleFileGenerator(dropDir, 2, GenerationProgress.NONE).generate(FIRST_HALF_HOUR);
        List<SampleMinute> minutes = SampleGenerator.minutes(FIRST_HALF_HOUR);

        IngestStatistics.Snapshot totals;
        try (RunningLoader loader = RunningLoader.start(database, database.jdbcUrl(), RunningLoader.fastSettings(dropDir).withWriter(writer))) {
            totals = loader.awaitDrained(Duration.ofMinutes(3));
        }

        List<String> expectedRows = minutes.stream().flatMap(minute -> minute.rows().stream()).map(IngestEndToEndTest::asText).toList();
        List<String> loadedRows = database.queryRows("""
                        SELECT d.department_name, s.sensor_serial, l.create_at, p.product_name, l.product_expire
                        FROM datalog l JOIN sensor s USING (sensor_id) JOIN department d USING (department_id) JOIN product p USING (product_id)
                        ORDER BY l.create_at, l.log_id""")
                .stream().map(row -> row.stream().map(String::valueOf).collect(Collectors.joining("|"))).toList();
        assertThat(loadedRows).hasSize(30 * 1_914).containsExactlyElementsOf(expectedRows);

        Set<String> departments = minutes.getFirst().rows().stream().map(SampleRow::departmentName).collect(Collectors.toSet());
        Set<String> sensors = minutes.getFirst().rows().stream().map(SampleRow::sensorSerial).collect(Collectors.toSet());
        Set<String> products = minutes.stream().flatMap(m -> m.rows().stream()).map(SampleRow::productName).collect(Collectors.toSet());
        assertThat(database.queryLong("SELECT count(*) FROM department")).isEqualTo(departments.size()).isEqualTo(100);
        assertThat(database.queryLong("SELECT count(*) FROM sensor")).isEqualTo(sensors.size()).isEqualTo(1_876);
        assertThat(database.queryLong("SELECT count(*) FROM product")).isEqualTo(products.size());

        assertThat(database.queryRows("SELECT status, count(*), sum(row_count) FROM ingest_ledger GROUP BY status"))
                .containsExactly(List.of("loaded", 30L, java.math.BigDecimal.valueOf(30 * 1_914)));
        assertThat(RunningLoader.namesIn(dropDir)).containsExactly(".done");
        assertThat(RunningLoader.namesIn(dropDir.resolve(".done")))
                .containsExactlyElementsOf(minutes.stream().map(SampleMinute::fileName).sorted().toList());
        assertThat(totals.loaded()).isEqualTo(30);
        assertThat(totals.rows()).isEqualTo(30 * 1_914);
    }

    private static String asText(SampleRow row) {
        return String.join("|", row.departmentName(), row.sensorSerial(), timestamp(row.createAt()), row.productName(), timestamp(row.productExpire()));
    }

    /** As JDBC's getObject(timestamp).toString() prints it. */
    private static String timestamp(LocalDateTime time) {
        return java.sql.Timestamp.valueOf(time).toString();
    }
}
