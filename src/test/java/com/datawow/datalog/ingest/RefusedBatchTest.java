package com.datawow.datalog.ingest;

import com.datawow.datalog.db.Schema;
import com.datawow.datalog.parquet.SampleRows;
import com.datawow.datalog.parquet.SensorLogFixture;
import com.datawow.datalog.parquet.SensorLogRow;
import com.datawow.datalog.quarantine.BadRowLimit;
import com.datawow.datalog.quarantine.BadRowSettings;
import com.datawow.datalog.report.ReportQuery;
import com.datawow.datalog.testing.ExactlyOnce;
import com.datawow.datalog.testing.ExpiryRule;
import com.datawow.datalog.testing.PostgresExtension;
import com.datawow.datalog.testing.RunningLoader;
import com.datawow.datalog.testing.TestDatabase;
import com.datawow.datalog.testing.WarehouseRows;
import com.datawow.datalog.write.WriterKind;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.SQLException;
import java.time.Duration;
import java.time.LocalDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Given a warehouse with a rule of its own (a CHECK constraint the loader does not know), when a
 * file in quarantine mode has rows PostgreSQL refuses, then the attempt that meets the refusal
 * rolls back, the next one finds the refused rows in that batch by bisection and sets them aside,
 * and the file loads with every other row exactly once: in the middle of a file of many batches,
 * with either writer, and in a new day's group built aside. Rows refused only together (no single
 * row is at fault) reject the file instead of looping. In reject-file mode the refusal rejects the
 * whole file, with either writer. A batch whose every row was set aside before reaching PostgreSQL
 * writes nothing and the file loads.
 */
@ExtendWith(PostgresExtension.class)
class RefusedBatchTest {

    private static final int BATCH_SIZE = 50;
    private static final SampleRows SAMPLE = new SampleRows(7);

    private final TestDatabase database;
    @TempDir
    Path dropDir;

    RefusedBatchTest(TestDatabase database) {
        this.database = database;
    }

    @BeforeEach
    void warehouseWithARuleOfItsOwn() throws SQLException {
        database.execute("DROP TABLE IF EXISTS rejected_row, datalog, ingest_ledger, sensor, department, product CASCADE");
        Schema.apply(database.dataSource());
        ExpiryRule.addTo(database);
    }

    @ParameterizedTest(name = "{0} writer")
    @EnumSource(WriterKind.class)
    void refusedRowsInTheMiddleOfAFileAreFoundAndSetAsideAndTheRestLoadsOnce(WriterKind writer) throws Exception {
        List<SensorLogRow> rows = refusedAt(SAMPLE.minute(LocalDateTime.of(2023, 1, 3, 4, 5), 500), 120, 121, 260);
        SensorLogFixture.of(rows).writeTo(dropDir, "refused.parquet");

        load(quarantine().withWriter(writer));

        assertThat(database.queryRows("SELECT row_number, rule FROM rejected_row ORDER BY row_number")).containsExactly(
                List.of(120L, "rejected-by-database"), List.of(121L, "rejected-by-database"), List.of(260L, "rejected-by-database"));
        assertThat(database.queryRows("SELECT DISTINCT reason FROM rejected_row")).singleElement()
                .satisfies(reason -> assertThat((String) reason.getFirst()).contains(ExpiryRule.NAME, "23514"));
        assertThat(WarehouseRows.ofFile(database, "refused.parquet")).containsExactlyElementsOf(WarehouseRows.asText(without(rows, 120, 121, 260)));
        ExactlyOnce.assertLoadedExactlyOnce(database, dropDir, Map.of("refused.parquet", 497L), Map.of("refused.parquet", 3L));
    }

    @ParameterizedTest(name = "{0} writer")
    @EnumSource(WriterKind.class)
    void inRejectFileModeARefusedRowRejectsTheWholeFileWithEitherWriter(WriterKind writer) throws Exception {
        SensorLogFixture.of(refusedAt(SAMPLE.minute(LocalDateTime.of(2023, 1, 3, 4, 5), 500), 260)).writeTo(dropDir, "refused.parquet");

        load(RunningLoader.fastSettings(dropDir).withBatchSize(BATCH_SIZE).withWriter(writer));

        assertThat(Files.readString(dropDir.resolve(".error").resolve("refused.parquet.error.txt")))
                .contains("kind: rejected-by-database", ExpiryRule.NAME);
        assertThat(database.queryLong("SELECT count(*) FROM datalog")).as("rows of the batches before the refused one").isZero();
        assertThat(database.queryRows("SELECT status FROM ingest_ledger")).containsExactly(List.of("failed"));
    }

    @ParameterizedTest(name = "{0} writer")
    @EnumSource(WriterKind.class)
    void aBatchWhoseEveryRowIsSetAsideBeforePostgresWritesNothingAndTheFileLoads(WriterKind writer) throws Exception {
        List<SensorLogRow> rows = new ArrayList<>(SAMPLE.minute(LocalDateTime.of(2023, 1, 3, 4, 5), 120));
        for (int i = 50; i < 100; i++) {
            rows.set(i, rows.get(i).withSensorSerial(null));     // the whole second batch
        }
        SensorLogFixture.of(rows).writeTo(dropDir, "hollow.parquet");

        load(quarantine().withWriter(writer));

        ExactlyOnce.assertLoadedExactlyOnce(database, dropDir, Map.of("hollow.parquet", 70L), Map.of("hollow.parquet", 50L));
    }

    @Test
    void aRefusedRowInANewDaysGroupIsSetAsideAndTheDayIsAttachedWithTheOtherFiles() throws Exception {
        LocalDateTime day = LocalDateTime.of(2023, 1, 9, 0, 0);
        for (int minute = 0; minute < 4; minute++) {
            List<SensorLogRow> rows = SAMPLE.minute(day.plusMinutes(minute), 40);
            SensorLogFixture.of(minute == 2 ? refusedAt(rows, 17) : rows).writeTo(dropDir, "minute-" + minute + ".parquet");
        }

        load(quarantine());

        assertThat(database.queryRows("SELECT f.file_name, r.row_number FROM rejected_row r JOIN ingest_ledger f USING (file_id)"))
                .containsExactly(List.of("minute-2.parquet", 17L));
        assertThat(database.queryLong("SELECT count(*) FROM datalog_20230109")).isEqualTo(4 * 40 - 1);
        ExactlyOnce.assertLoadedExactlyOnce(database, dropDir,
                Map.of("minute-0.parquet", 40L, "minute-1.parquet", 40L, "minute-2.parquet", 39L, "minute-3.parquet", 40L),
                Map.of("minute-2.parquet", 1L));
        assertThat(new ReportQuery(database.dataSource()).run().failedChecks()).isEmpty();
    }

    @Test
    void rowsRefusedOnlyTogetherRejectTheFileInsteadOfLooping() throws Exception {
        // a statement may bring at most 30 rows: every row passes alone, no batch of 50 does
        database.execute("""
                CREATE FUNCTION at_most_30_rows() RETURNS trigger LANGUAGE plpgsql AS $$
                BEGIN
                    IF (SELECT count(*) FROM arrived) > 30 THEN
                        RAISE EXCEPTION 'more than 30 rows at once' USING ERRCODE = 'check_violation';
                    END IF;
                    RETURN NULL;
                END $$""");
        database.execute("CREATE TRIGGER at_most_30_rows AFTER INSERT ON datalog REFERENCING NEW TABLE AS arrived"
                + " FOR EACH STATEMENT EXECUTE FUNCTION at_most_30_rows()");
        SensorLogFixture.of(SAMPLE.minute(LocalDateTime.of(2023, 1, 3, 4, 5), 120)).writeTo(dropDir, "crowd.parquet");

        load(quarantine());

        assertThat(Files.readString(dropDir.resolve(".error").resolve("crowd.parquet.error.txt")))
                .contains("kind: rejected-by-database", "more than 30 rows at once");
        assertThat(database.queryLong("SELECT count(*) FROM datalog")).isZero();
        assertThat(database.queryLong("SELECT count(*) FROM rejected_row")).isZero();
        assertThat(ExactlyOnce.ledgerRows(database, "failed")).isEqualTo(1);
    }

    private IngestSettings quarantine() {
        return RunningLoader.fastSettings(dropDir).withBatchSize(BATCH_SIZE).withBadRows(BadRowSettings.quarantine(BadRowLimit.NONE));
    }

    private void load(IngestSettings settings) throws Exception {
        try (RunningLoader loader = RunningLoader.start(database, database.jdbcUrl(), settings)) {
            loader.awaitDrained(Duration.ofMinutes(1));
        }
    }

    /** The rows, with those at the given 1-based numbers expiring 20 years after they were created. */
    private static List<SensorLogRow> refusedAt(List<SensorLogRow> rows, int... rowNumbers) {
        List<SensorLogRow> changed = new ArrayList<>(rows);
        for (int row : rowNumbers) {
            changed.set(row - 1, ExpiryRule.breaking(rows.get(row - 1)));
        }
        return changed;
    }

    private static List<SensorLogRow> without(List<SensorLogRow> rows, int... rowNumbers) {
        List<SensorLogRow> kept = new ArrayList<>(rows);
        for (int i = rowNumbers.length - 1; i >= 0; i--) {
            kept.remove(rowNumbers[i] - 1);
        }
        return kept;
    }
}
