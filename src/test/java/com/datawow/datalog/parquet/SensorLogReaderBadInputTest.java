package com.datawow.datalog.parquet;

import com.datawow.datalog.failure.BadInputException;
import com.datawow.datalog.failure.InvalidRowException;
import com.datawow.datalog.failure.SchemaMismatchException;
import com.datawow.datalog.failure.UnreadableFileException;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.time.LocalDateTime;
import java.util.ArrayList;
import java.util.List;

import static com.datawow.datalog.parquet.SensorLogFixture.MINUTE;
import static com.datawow.datalog.parquet.SensorLogFixture.NAME;
import static com.datawow.datalog.parquet.SensorLogFiles.readAll;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

/** Every kind of bad input fails with its named exception, naming the file and, where there is one, the row. */
class SensorLogReaderBadInputTest {

    private static final List<SensorLogRow> ROWS = new SampleRows(1).minute(MINUTE, 300);

    @TempDir
    Path dir;

    private Path goodFile() {
        return SensorLogFixture.of(ROWS).writeTo(dir, "good.parquet");
    }

    // --- unreadable files ---

    @Test
    void aZeroByteFileIsUnreadable() {
        assertUnreadable(BrokenFiles.zeroBytes(dir.resolve(NAME)), "too small");
    }

    @Test
    void aFileWithoutParquetMagicIsUnreadable() {
        assertUnreadable(BrokenFiles.randomBytes(dir.resolve(NAME), 4_096, 7), "magic");
    }

    @ParameterizedTest
    @ValueSource(longs = {3, 1_000})
    void aTruncatedFileIsUnreadable(long keepBytes) {
        assertUnreadable(BrokenFiles.truncatedCopy(goodFile(), dir.resolve(NAME), keepBytes), "");
    }

    @Test
    void aFileCutJustBeforeItsEndIsUnreadable() throws IOException {
        Path good = goodFile();
        assertUnreadable(BrokenFiles.truncatedCopy(good, dir.resolve(NAME), Files.size(good) - 1), "magic");
    }

    @Test
    void aCorruptFooterMakesTheFileUnreadable() {
        assertUnreadable(BrokenFiles.corruptFooterCopy(goodFile(), dir.resolve(NAME)), "");
    }

    @Test
    void aCorruptPageMakesTheFileUnreadableWhileReading() {
        assertUnreadable(BrokenFiles.corruptPageCopy(goodFile(), dir.resolve(NAME)), "");
    }

    @Test
    void anUnsupportedCodecMakesTheFileUnreadable() {
        Path file = SensorLogFixture.of(ROWS).codec(Codec.LZO_UNSUPPORTED).writeTo(dir, NAME);

        assertThatThrownBy(() -> SensorLogReader.open(file, 100))
                .isInstanceOf(UnreadableFileException.class)
                .hasMessage(NAME + ": not a readable Parquet file: column department_name is compressed with LZO; "
                        + "the loader reads UNCOMPRESSED, SNAPPY, GZIP and ZSTD");
    }

    // --- schema ---

    @ParameterizedTest
    @ValueSource(strings = {"department_name", "sensor_serial", "create_at", "product_name", "product_expire"})
    void aMissingRequiredColumnIsASchemaMismatch(String column) {
        Path file = SensorLogFixture.of(ROWS).withoutColumn(column).writeTo(dir, NAME);

        SchemaMismatchException e = schemaMismatch(file);

        assertThat(e.column()).isEqualTo(column);
        assertThat(e).hasMessageStartingWith(NAME + ": column " + column + " is missing (the file has: ");
    }

    @Test
    void aTimestampStoredAsTextIsASchemaMismatch() {
        Path file = SensorLogFixture.of(ROWS).column("create_at", ColumnType.STRING).writeTo(dir, NAME);

        assertThat(schemaMismatch(file)).hasMessage(NAME + ": column create_at has type BYTE_ARRAY (STRING), "
                + "expected a timestamp: INT64 TIMESTAMP(MILLIS, MICROS or NANOS) or INT96");
    }

    @Test
    void aTimestampStoredAsAPlainNumberIsASchemaMismatch() {
        Path file = SensorLogFixture.of(ROWS).column("product_expire", ColumnType.INT64).writeTo(dir, NAME);

        assertThat(schemaMismatch(file)).hasMessageContaining("column product_expire has type INT64, expected a timestamp");
    }

    @Test
    void aNameStoredAsANumberIsASchemaMismatch() {
        Path file = SensorLogFixture.of(ROWS).column("product_name", ColumnType.INT32).writeTo(dir, NAME);

        assertThat(schemaMismatch(file))
                .hasMessage(NAME + ": column product_name has type INT32, expected BYTE_ARRAY (STRING)");
    }

    @Test
    void theSchemaIsCheckedBeforeAnyRowIsProduced() {
        List<SensorLogRow> badRows = new ArrayList<>(ROWS);
        badRows.set(0, ROWS.get(0).withDepartmentName(null));
        Path file = SensorLogFixture.of(badRows).column("sensor_serial", ColumnType.DOUBLE).writeTo(dir, NAME);

        assertThatThrownBy(() -> SensorLogReader.open(file, 100)).isInstanceOf(SchemaMismatchException.class);
    }

    // --- rows ---

    @ParameterizedTest
    @ValueSource(strings = {"department_name", "sensor_serial", "create_at", "product_name", "product_expire"})
    void aNullRequiredValueIsAnInvalidRow(String column) {
        Path file = withRow(17, nulled(ROWS.get(16), column));

        InvalidRowException e = invalidRow(file, 5);

        assertThat(e.row()).hasValue(17);
        assertThat(e.column()).isEqualTo(column);
        assertThat(e).hasMessage(NAME + " row 17: " + column + " is null");
    }

    @Test
    void anEmptyNameIsAnInvalidRow() {
        Path file = withRow(250, ROWS.get(249).withSensorSerial(""));

        assertThat(invalidRow(file, 100)).hasMessage(NAME + " row 250: sensor_serial is empty");
    }

    @Test
    void aNameOfOnlyWhitespaceIsAnInvalidRow() {
        Path file = withRow(3, ROWS.get(2).withProductName(" \t "));

        assertThat(invalidRow(file, 100)).hasMessage(NAME + " row 3: product_name is empty (only whitespace)");
    }

    @Test
    void aProductExpiringBeforeItWasCreatedIsAnInvalidRow() {
        Path file = withRow(17, ROWS.get(16)
                .withCreateAt(LocalDateTime.of(2023, 4, 1, 0, 0))
                .withProductExpire(LocalDateTime.of(2023, 3, 30, 0, 0)));

        InvalidRowException e = invalidRow(file, 1_000);

        assertThat(e).hasMessage(NAME + " row 17: product_expire 2023-03-30T00:00 is before create_at 2023-04-01T00:00");
        assertThat(e.kind()).isEqualTo("row");
    }

    @Test
    void theFirstBadRowIsReportedAfterTheGoodBatchesBeforeIt() {
        List<SensorLogRow> rows = new ArrayList<>(ROWS);
        rows.set(289, ROWS.get(289).withDepartmentName(""));
        rows.set(294, ROWS.get(294).withProductName(null));
        Path file = SensorLogFixture.of(rows).rowGroupRows(100).writeTo(dir, NAME);

        List<Long> delivered = new ArrayList<>();
        InvalidRowException e = catchThrowableOfType(InvalidRowException.class, () -> {
            try (SensorLogReader reader = SensorLogReader.open(file, 50)) {
                reader.forEachRemaining(batch -> delivered.add(batch.firstRow()));
            }
        });

        assertThat(delivered).containsExactly(1L, 51L, 101L, 151L, 201L);
        assertThat(e.row()).hasValue(290);
    }

    @Test
    void aTimestampBeyondWhatPostgresCanStoreIsAnInvalidRow() {
        List<SensorLogRow> rows = List.of(ROWS.get(0), ROWS.get(1).withCreateAt(LocalDateTime.of(-5000, 1, 1, 0, 0)));
        Path micros = SensorLogFixture.of(rows).timestamps(ColumnType.TIMESTAMP_MICROS).writeTo(dir, NAME);
        Path int96 = SensorLogFixture.of(rows).timestamps(ColumnType.INT96).writeTo(dir, "int96.parquet");

        assertThat(invalidRow(micros, 10)).hasMessage(NAME + " row 2: create_at is outside the range PostgreSQL can "
                + "store (4713 BC to 294276 AD)");
        assertThat(invalidRow(int96, 10)).hasMessageContaining("row 2: create_at is outside the range");
    }

    // --- not bad input ---

    @Test
    void aMissingFileIsAnIoErrorNotBadInput() {
        assertThatThrownBy(() -> SensorLogReader.open(dir.resolve("vanished.parquet"), 100))
                .isInstanceOf(NoSuchFileException.class)
                .isNotInstanceOf(BadInputException.class);
    }

    @Test
    void theReaderClosesItselfAfterAFailureAndStaysExhausted() throws IOException {
        Path file = withRow(3, ROWS.get(2).withProductName(""));

        try (SensorLogReader reader = SensorLogReader.open(file, 100)) {
            assertThatThrownBy(reader::hasNext).isInstanceOf(InvalidRowException.class);
            assertThat(reader.hasNext()).isFalse();
        }
    }

    // --- helpers ---

    private Path withRow(int rowNumber, SensorLogRow row) {
        List<SensorLogRow> rows = new ArrayList<>(ROWS);
        rows.set(rowNumber - 1, row);
        return SensorLogFixture.of(rows).writeTo(dir, NAME);
    }

    private static SensorLogRow nulled(SensorLogRow row, String column) {
        return switch (column) {
            case "department_name" -> row.withDepartmentName(null);
            case "sensor_serial" -> row.withSensorSerial(null);
            case "create_at" -> row.withCreateAt(null);
            case "product_name" -> row.withProductName(null);
            case "product_expire" -> row.withProductExpire(null);
            default -> throw new IllegalArgumentException(column);
        };
    }

    private static void assertUnreadable(Path file, String reason) {
        String name = file.getFileName().toString();
        assertThatThrownBy(() -> readAll(file, 100))
                .isInstanceOf(UnreadableFileException.class)
                .hasMessageStartingWith(name + ": not a readable Parquet file: ")
                .hasMessageContaining(reason)
                .satisfies(e -> assertThat(((BadInputException) e).kind()).isEqualTo("unreadable"))
                .satisfies(e -> assertThat(((BadInputException) e).row()).isEmpty());
    }

    private static SchemaMismatchException schemaMismatch(Path file) {
        SchemaMismatchException e = catchThrowableOfType(SchemaMismatchException.class, () -> readAll(file, 100));
        assertThat(e).as("a SchemaMismatchException").isNotNull();
        assertThat(e.kind()).isEqualTo("schema");
        return e;
    }

    private static InvalidRowException invalidRow(Path file, int batchSize) {
        InvalidRowException e = catchThrowableOfType(InvalidRowException.class, () -> readAll(file, batchSize));
        assertThat(e).as("an InvalidRowException").isNotNull();
        return e;
    }
}
