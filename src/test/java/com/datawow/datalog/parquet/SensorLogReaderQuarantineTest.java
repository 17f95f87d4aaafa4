package com.datawow.datalog.parquet;

import com.datawow.datalog.quarantine.BadRowLimit;
import com.datawow.datalog.quarantine.FileQuarantine;
import com.datawow.datalog.quarantine.RejectedRow;
import com.datawow.datalog.quarantine.RowRule;
import com.datawow.datalog.quarantine.RowValues;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.IntStream;
import java.util.stream.LongStream;

import static com.datawow.datalog.parquet.SensorLogFixture.MINUTE;
import static com.datawow.datalog.parquet.SensorLogFixture.NAME;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.tuple;

/**
 * The reader in quarantine mode: a row that breaks a rule is set aside (with its row, rule and
 * values) and left out of its batch; the batches keep their place in the file and each row its
 * number; a NUL character is a rule of this mode only.
 */
class SensorLogReaderQuarantineTest {

    private static final List<SensorLogRow> ROWS = new SampleRows(3).minute(MINUTE, 300);

    @TempDir
    Path dir;

    @Test
    void badRowsAreSetAsideAndEveryOtherRowKeepsItsNumber() throws IOException {
        List<SensorLogRow> rows = new ArrayList<>(ROWS);
        rows.set(2, ROWS.get(2).withDepartmentName(null));
        rows.set(50, ROWS.get(50).withProductName(" "));
        rows.set(119, ROWS.get(119).withProductExpire(MINUTE.minusDays(1)));
        rows.set(249, ROWS.get(249).withSensorSerial("nul\u0000serial"));
        for (int i = 150; i < 200; i++) {
            rows.set(i, ROWS.get(i).withCreateAt(null));       // the whole fourth batch
        }
        Path file = SensorLogFixture.of(rows).writeTo(dir, NAME);
        FileQuarantine quarantine = new FileQuarantine(NAME, 300, BadRowLimit.NONE);

        List<SensorLogBatch> batches = new ArrayList<>();
        try (SensorLogReader reader = SensorLogReader.open(file, 50, quarantine)) {
            reader.forEachRemaining(batches::add);
        }

        assertThat(batches).extracting(SensorLogBatch::firstRow).containsExactly(1L, 51L, 101L, 151L, 201L, 251L);
        assertThat(batches).extracting(SensorLogBatch::size).containsExactly(49, 49, 49, 0, 49, 50);
        assertThat(rowNumbers(batches)).containsExactlyElementsOf(LongStream.rangeClosed(1, 300)
                .filter(row -> row != 3 && row != 51 && row != 120 && row != 250 && (row < 151 || row > 200)).boxed().toList());
        assertThat(batches.stream().flatMap(batch -> SensorLogFiles.rowsOf(batch).stream()).toList())
                .isEqualTo(IntStream.range(0, rows.size()).filter(i -> !isBad(i + 1)).mapToObj(rows::get).toList());

        List<RejectedRow> setAside = quarantine.takeUnwritten();
        assertThat(setAside).hasSize(54);
        assertThat(setAside.subList(0, 3)).extracting(RejectedRow::row, RejectedRow::rule, RejectedRow::reason).containsExactly(
                tuple(3L, RowRule.NULL_VALUE, "department_name is null"),
                tuple(51L, RowRule.EMPTY_VALUE, "product_name is empty (only whitespace)"),
                tuple(120L, RowRule.EXPIRE_BEFORE_CREATE,
                        "product_expire 2022-12-31T00:05 is before create_at 2023-01-01T00:05"));
        assertThat(setAside.get(3)).satisfies(row -> {
            assertThat(row.row()).isEqualTo(151);
            assertThat(row.rule()).isEqualTo(RowRule.NULL_VALUE);
            assertThat(row.values().createAt()).as("a null timestamp stays null").isNull();
            assertThat(row.values().productExpire()).isEqualTo(Timestamps.toText(Timestamps.toMicros(ROWS.get(150).productExpire())));
        });
        assertThat(setAside.getLast()).satisfies(row -> {
            assertThat(row.row()).isEqualTo(250);
            assertThat(row.rule()).isEqualTo(RowRule.NUL_CHARACTER);
            assertThat(row.values()).isEqualTo(new RowValues(ROWS.get(249).departmentName(), "nul\\u0000serial", "2023-01-01 00:05:00",
                    ROWS.get(249).productName(), row.values().productExpire()));
        });
    }

    @Test
    void aNulCharacterIsLeftToPostgresInRejectFileMode() throws IOException {
        List<SensorLogRow> rows = new ArrayList<>(ROWS);
        rows.set(9, ROWS.get(9).withProductName("a\u0000b"));

        assertThat(SensorLogFiles.readAll(SensorLogFixture.of(rows).writeTo(dir, NAME), 100)).hasSize(300);
    }

    private static boolean isBad(long row) {
        return row == 3 || row == 51 || row == 120 || row == 250 || row >= 151 && row <= 200;
    }

    private static List<Long> rowNumbers(List<SensorLogBatch> batches) {
        List<Long> numbers = new ArrayList<>();
        for (SensorLogBatch batch : batches) {
            for (int i = 0; i < batch.size(); i++) {
                numbers.add(batch.rowNumber(i));
            }
        }
        return numbers;
    }
}
