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
import java.util.function.UnaryOperator;

import static com.datawow.datalog.parquet.SensorLogFixture.MINUTE;
import static com.datawow.datalog.parquet.SensorLogFixture.NAME;
import static com.datawow.datalog.parquet.SensorLogFiles.readAll;
import static org.assertj.core.api.Assertions.assertThat;

/** Every valid variation of a sensor-log file reads back exactly the rows written. */
class SensorLogReaderValidInputTest {

    private static final List<SensorLogRow> ROWS = new SampleRows(0).minute(MINUTE, 1_914);

    @TempDir
    Path dir;

    @Test
    void readsAFileAsPandasWritesIt() throws IOException {
        Path file = SensorLogFixture.of(ROWS).writeTo(dir, NAME);

        assertThat(readAll(file, 500)).containsExactlyElementsOf(ROWS);
    }

    @ParameterizedTest
    @EnumSource(value = ColumnType.class, names = {"TIMESTAMP_MILLIS", "TIMESTAMP_MICROS", "TIMESTAMP_NANOS", "INT96"})
    void readsEveryTimestampEncoding(ColumnType timestamps) throws IOException {
        assertReadsBack(ROWS, file -> file.timestamps(timestamps));
    }

    @ParameterizedTest
    @EnumSource(value = ColumnType.class, names = {"TIMESTAMP_MILLIS", "TIMESTAMP_MICROS", "TIMESTAMP_NANOS"})
    void readsUtcAdjustedTimestampsAsTheirUtcWallClock(ColumnType timestamps) throws IOException {
        assertReadsBack(ROWS, file -> file.timestamps(timestamps).adjustedToUtc(true));
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
        assertReadsBack(ROWS, file -> file.codec(codec));
    }

    @ParameterizedTest
    @ValueSource(booleans = {true, false})
    void readsDictionaryAndPlainPages(boolean dictionary) throws IOException {
        assertReadsBack(ROWS, file -> file.dictionary(dictionary));
    }

    @Test
    void readsSeveralRowGroupsWithBatchesSpanningThem() throws IOException {
        assertReadsBack(ROWS, file -> file.rowGroupRows(300));
    }

    @Test
    void readsColumnsInAnyOrderAndIgnoresExtraColumns() throws IOException {
        assertReadsBack(ROWS, file -> file
                .extraColumn("temperature", ColumnType.DOUBLE)
                .extraColumn("note", ColumnType.STRING)
                .extraColumn("loaded_at", ColumnType.INT96)
                .columnOrder("product_expire", "note", "sensor_serial", "temperature", "create_at"));
    }

    @Test
    void ignoresExtraColumnsEvenOfTypesItCouldNotRead() throws IOException {
        assertReadsBack(ROWS, file -> file.extraColumn("raw", ColumnType.INT32));
    }

    @Test
    void readsNonAsciiNamesUnchanged() throws IOException {
        List<SensorLogRow> rows = List.of(
                ROWS.get(0).withDepartmentName("Qualitätssicherung Zürich").withProductName("牛乳 1L"),
                ROWS.get(1).withSensorSerial("датчик-№7 🌡").withProductName("  padded  "));
        assertReadsBack(rows, UnaryOperator.identity());
    }

    @Test
    void readsTextStoredAsUnannotatedByteArraysAsUtf8() throws IOException {
        List<SensorLogRow> rows = List.of(ROWS.get(0).withDepartmentName("Lebensmittel ä"));
        assertReadsBack(rows, file -> file
                .column("department_name", ColumnType.BINARY)
                .column("sensor_serial", ColumnType.BINARY)
                .column("product_name", ColumnType.BINARY));
    }

    @Test
    void readsRequiredAsWellAsOptionalColumns() throws IOException {
        assertReadsBack(ROWS, SensorLogFixture::requiredColumns);
    }

    @Test
    void acceptsAProductExpiringTheMinuteItWasCreated() throws IOException {
        List<SensorLogRow> rows = List.of(ROWS.get(0).withProductExpire(ROWS.get(0).createAt()));
        assertReadsBack(rows, UnaryOperator.identity());
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

    /** {@code rows}, written as {@code variation} says, read back exactly (in batches of 500). */
    private void assertReadsBack(List<SensorLogRow> rows, UnaryOperator<SensorLogFixture> variation) throws IOException {
        Path file = variation.apply(SensorLogFixture.of(rows)).writeTo(dir, "variation.parquet");

        assertThat(readAll(file, 500)).containsExactlyElementsOf(rows);
    }
}
