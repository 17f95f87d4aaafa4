package com.datawow.datalog.parquet;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;
import org.junit.jupiter.params.provider.ValueSource;

import java.io.IOException;
import java.nio.file.Path;
import java.time.LocalDateTime;
import java.util.List;

import static com.datawow.datalog.parquet.SensorLogFiles.readAll;
import static org.assertj.core.api.Assertions.assertThat;

/** Every valid variation of a sensor-log file reads back exactly the rows written. */
class SensorLogReaderValidInputTest {

    private static final LocalDateTime MINUTE = LocalDateTime.of(2023, 1, 1, 0, 5);
    private static final List<SensorLogRow> ROWS = new SampleRows(0).minute(MINUTE, 1_914);

    @TempDir
    Path dir;

    @Test
    void readsAFileAsPandasWritesIt() throws IOException {
        Path file = SensorLogFixture.of(ROWS).writeTo(dir, "2023-01-01 00:05:00.parquet");

        assertThat(readAll(file, 500)).containsExactlyElementsOf(ROWS);
    }

    @ParameterizedTest
    @EnumSource(value = ColumnType.class, names = {"TIMESTAMP_MILLIS", "TIMESTAMP_MICROS", "TIMESTAMP_NANOS", "INT96"})
    void readsEveryTimestampEncoding(ColumnType timestamps) throws IOException {
        Path file = SensorLogFixture.of(ROWS).timestamps(timestamps).writeTo(dir, "t.parquet");

        assertThat(readAll(file, 500)).containsExactlyElementsOf(ROWS);
    }

    @ParameterizedTest
    @EnumSource(value = ColumnType.class, names = {"TIMESTAMP_MILLIS", "TIMESTAMP_MICROS", "TIMESTAMP_NANOS"})
    void readsUtcAdjustedTimestampsAsTheirUtcWallClock(ColumnType timestamps) throws IOException {
        Path file = SensorLogFixture.of(ROWS).timestamps(timestamps).adjustedToUtc(true).writeTo(dir, "utc.parquet");

        assertThat(readAll(file, 500)).containsExactlyElementsOf(ROWS);
    }

    @ParameterizedTest
    @EnumSource(value = ColumnType.class, names = {"TIMESTAMP_MICROS", "TIMESTAMP_NANOS", "INT96"})
    void keepsMicrosecondsAndTruncatesNanosecondsTowardThePast(ColumnType timestamps) throws IOException {
        SensorLogRow row = ROWS.get(0)
                .withCreateAt(LocalDateTime.of(2023, 1, 1, 0, 5, 0, 123_456_789))
                .withProductExpire(LocalDateTime.of(1969, 12, 31, 23, 59, 59, 999_999_999));
        SensorLogRow preEpoch = row.withCreateAt(LocalDateTime.of(1969, 12, 31, 23, 59, 59, 999_999_001));
        Path file = SensorLogFixture.of(List.of(row.withProductExpire(row.createAt().plusDays(88)), preEpoch))
                .timestamps(timestamps).writeTo(dir, "precise.parquet");

        List<SensorLogRow> read = readAll(file, 10);

        assertThat(read.get(0).createAt()).isEqualTo(LocalDateTime.of(2023, 1, 1, 0, 5, 0, 123_456_000));
        assertThat(read.get(1).createAt()).isEqualTo(LocalDateTime.of(1969, 12, 31, 23, 59, 59, 999_999_000));
    }

    @ParameterizedTest
    @EnumSource(value = Codec.class, names = {"UNCOMPRESSED", "SNAPPY", "GZIP", "ZSTD"})
    void readsEverySupportedCodec(Codec codec) throws IOException {
        Path file = SensorLogFixture.of(ROWS).codec(codec).writeTo(dir, "c.parquet");

        assertThat(readAll(file, 500)).containsExactlyElementsOf(ROWS);
    }

    @ParameterizedTest
    @ValueSource(booleans = {true, false})
    void readsDictionaryAndPlainPages(boolean dictionary) throws IOException {
        Path file = SensorLogFixture.of(ROWS).dictionary(dictionary).writeTo(dir, "d.parquet");

        assertThat(readAll(file, 500)).containsExactlyElementsOf(ROWS);
    }

    @Test
    void readsSeveralRowGroupsWithBatchesSpanningThem() throws IOException {
        Path file = SensorLogFixture.of(ROWS).rowGroupRows(300).writeTo(dir, "groups.parquet");

        assertThat(readAll(file, 500)).containsExactlyElementsOf(ROWS);
    }

    @Test
    void readsColumnsInAnyOrderAndIgnoresExtraColumns() throws IOException {
        Path file = SensorLogFixture.of(ROWS)
                .extraColumn("temperature", ColumnType.DOUBLE)
                .extraColumn("note", ColumnType.STRING)
                .extraColumn("loaded_at", ColumnType.INT96)
                .columnOrder("product_expire", "note", "sensor_serial", "temperature", "create_at")
                .writeTo(dir, "order.parquet");

        assertThat(readAll(file, 500)).containsExactlyElementsOf(ROWS);
    }

    @Test
    void ignoresExtraColumnsEvenOfTypesItCouldNotRead() throws IOException {
        Path file = SensorLogFixture.of(ROWS).extraColumn("raw", ColumnType.INT32).writeTo(dir, "extra.parquet");

        assertThat(readAll(file, 500)).containsExactlyElementsOf(ROWS);
    }

    @Test
    void readsNonAsciiNamesUnchanged() throws IOException {
        List<SensorLogRow> rows = List.of(
                ROWS.get(0).withDepartmentName("Qualitätssicherung Zürich").withProductName("牛乳 1L"),
                ROWS.get(1).withSensorSerial("датчик-№7 🌡").withProductName("  padded  "));
        Path file = SensorLogFixture.of(rows).writeTo(dir, "utf8.parquet");

        assertThat(readAll(file, 500)).containsExactlyElementsOf(rows);
    }

    @Test
    void readsTextStoredAsUnannotatedByteArraysAsUtf8() throws IOException {
        List<SensorLogRow> rows = List.of(ROWS.get(0).withDepartmentName("Lebensmittel ä"));
        Path file = SensorLogFixture.of(rows)
                .column("department_name", ColumnType.BINARY)
                .column("sensor_serial", ColumnType.BINARY)
                .column("product_name", ColumnType.BINARY)
                .writeTo(dir, "binary.parquet");

        assertThat(readAll(file, 500)).containsExactlyElementsOf(rows);
    }

    @Test
    void readsRequiredAsWellAsOptionalColumns() throws IOException {
        Path file = SensorLogFixture.of(ROWS).requiredColumns().writeTo(dir, "required.parquet");

        assertThat(readAll(file, 500)).containsExactlyElementsOf(ROWS);
    }

    @Test
    void acceptsAProductExpiringTheMinuteItWasCreated() throws IOException {
        List<SensorLogRow> rows = List.of(ROWS.get(0).withProductExpire(ROWS.get(0).createAt()));
        Path file = SensorLogFixture.of(rows).writeTo(dir, "same.parquet");

        assertThat(readAll(file, 500)).containsExactlyElementsOf(rows);
    }

    @Test
    void yieldsNoBatchForAFileWithoutRows() throws IOException {
        Path file = SensorLogFixture.of(List.of()).writeTo(dir, "empty.parquet");

        try (SensorLogReader reader = SensorLogReader.open(file, 500)) {
            assertThat(reader.rowCount()).isZero();
            assertThat(reader.hasNext()).isFalse();
        }
    }

    @Test
    void splitsTheFileIntoNumberedBatchesOfTheGivenSize() throws IOException {
        Path file = SensorLogFixture.of(ROWS).rowGroupRows(700).writeTo(dir, "batches.parquet");

        try (SensorLogReader reader = SensorLogReader.open(file, 500)) {
            assertThat(reader.rowCount()).isEqualTo(1_914);
            assertThat(reader.fileName()).isEqualTo("batches.parquet");
            List<SensorLogBatch> batches = new java.util.ArrayList<>();
            reader.forEachRemaining(batches::add);
            assertThat(batches).extracting(SensorLogBatch::firstRow).containsExactly(1L, 501L, 1_001L, 1_501L);
            assertThat(batches).extracting(SensorLogBatch::size).containsExactly(500, 500, 500, 414);
            assertThat(batches.get(3).rowNumber(413)).isEqualTo(1_914);
        }
    }
}
