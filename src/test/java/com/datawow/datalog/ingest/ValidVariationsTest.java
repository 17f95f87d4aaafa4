package com.datawow.datalog.ingest;

import com.datawow.datalog.parquet.Codec;
import com.datawow.datalog.parquet.ColumnType;
import com.datawow.datalog.parquet.SampleRows;
import com.datawow.datalog.parquet.SensorLogFixture;
import com.datawow.datalog.parquet.SensorLogRow;
import com.datawow.datalog.testing.PostgresExtension;
import com.datawow.datalog.testing.RunningLoader;
import com.datawow.datalog.testing.TestDatabase;
import com.datawow.datalog.testing.WarehouseRows;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

import java.nio.file.Path;
import java.time.Duration;
import java.time.LocalDateTime;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.UnaryOperator;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Given the same rows written the ways other writers write Parquet, when the loader runs, then
 * every file loads with the same values.
 */
@ExtendWith(PostgresExtension.class)
class ValidVariationsTest {

    private static final List<SensorLogRow> ROWS = rowsWithNonAsciiNames();
    private static final Map<String, UnaryOperator<SensorLogFixture>> VARIATIONS = variations();

    @TempDir
    static Path dropDir;
    static IngestStatistics.Snapshot totals;

    @BeforeAll
    static void dropEveryVariationAndRunTheLoader(TestDatabase database) throws Exception {
        VARIATIONS.forEach((name, variation) -> variation.apply(SensorLogFixture.of(ROWS)).writeTo(dropDir, name));
        SensorLogFixture.of(List.of()).writeTo(dropDir, "zero-rows.parquet");
        try (RunningLoader loader = RunningLoader.start(database, dropDir)) {
            totals = loader.awaitDrained(Duration.ofMinutes(2));
        }
    }

    static List<String> variationNames() {
        return List.copyOf(VARIATIONS.keySet());
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("variationNames")
    void loadsWithTheSameValues(String name, TestDatabase database) {
        assertThat(WarehouseRows.ofFile(database, name)).containsExactlyElementsOf(WarehouseRows.asText(ROWS));
    }

    @Test
    void aFileWithZeroRowsLoadsNothingAndIsCounted(TestDatabase database) throws Exception {
        assertThat(database.queryRows("SELECT status, row_count FROM ingest_ledger WHERE file_name = 'zero-rows.parquet'"))
                .containsExactly(List.of("loaded", 0L));
        assertThat(totals.failed()).isZero();
        assertThat(totals.loaded()).isEqualTo(VARIATIONS.size() + 1);
        assertThat(RunningLoader.namesIn(dropDir)).containsExactly(".done");
    }

    private static Map<String, UnaryOperator<SensorLogFixture>> variations() {
        Map<String, UnaryOperator<SensorLogFixture>> variations = new LinkedHashMap<>();
        variations.put("pandas-like.parquet", f -> f);
        variations.put("micros.parquet", f -> f.timestamps(ColumnType.TIMESTAMP_MICROS));
        variations.put("millis.parquet", f -> f.timestamps(ColumnType.TIMESTAMP_MILLIS));
        variations.put("int96.parquet", f -> f.timestamps(ColumnType.INT96));
        variations.put("utc-adjusted.parquet", f -> f.timestamps(ColumnType.TIMESTAMP_MICROS).adjustedToUtc(true));
        variations.put("gzip.parquet", f -> f.codec(Codec.GZIP));
        variations.put("zstd.parquet", f -> f.codec(Codec.ZSTD));
        variations.put("uncompressed.parquet", f -> f.codec(Codec.UNCOMPRESSED));
        variations.put("plain-pages.parquet", f -> f.dictionary(false));
        variations.put("several-row-groups.parquet", f -> f.rowGroupRows(70));
        variations.put("other-column-order.parquet", f -> f.columnOrder("product_expire", "product_name", "create_at", "sensor_serial"));
        variations.put("extra-columns.parquet", f -> f.extraColumn("temperature", ColumnType.DOUBLE).extraColumn("note", ColumnType.STRING)
                .columnOrder("temperature", "department_name"));
        variations.put("unannotated-text.parquet", f -> f.column("product_name", ColumnType.BINARY));
        variations.put("required-columns.parquet", SensorLogFixture::requiredColumns);
        return variations;
    }

    private static List<SensorLogRow> rowsWithNonAsciiNames() {
        List<SensorLogRow> rows = new ArrayList<>(new SampleRows(11).minute(LocalDateTime.of(2023, 1, 5, 6, 7), 300));
        SensorLogRow first = rows.getFirst();
        rows.set(0, first.withDepartmentName("Qualitätssicherung Zürich").withProductName("牛乳 1L"));
        rows.replaceAll(row -> row.sensorSerial().equals(first.sensorSerial()) ? row.withDepartmentName("Qualitätssicherung Zürich") : row);
        return rows;
    }
}
