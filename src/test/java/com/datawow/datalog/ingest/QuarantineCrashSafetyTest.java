package com.datawow.datalog.ingest;

import com.datawow.datalog.parquet.SampleRows;
import com.datawow.datalog.parquet.SensorLogFixture;
import com.datawow.datalog.parquet.SensorLogRow;
import com.datawow.datalog.testing.ChildLoaderFixture;
import com.datawow.datalog.testing.ExactlyOnce;
import com.datawow.datalog.testing.ExpiryRule;
import com.datawow.datalog.testing.LoaderProcess;
import com.datawow.datalog.testing.PostgresExtension;
import com.datawow.datalog.testing.TestDatabase;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.nio.file.Path;
import java.time.Duration;
import java.time.LocalDateTime;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.function.BooleanSupplier;

import static com.datawow.datalog.testing.LoaderChecks.parquetFilesIn;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * Crash safety in quarantine mode: the daemon in a child JVM, killed with SIGKILL at several
 * points of a backlog in which every third file has bad rows (one the reader sets aside, one
 * with a NUL character, one PostgreSQL refuses, so that a kill can also land between the refused
 * attempt and the search that follows it), restarted each time. At every kill point nothing is
 * half loaded, rejected rows included; in the end every file is loaded exactly once with exactly
 * its rows set aside, each listed beside its file.
 */
@ExtendWith(PostgresExtension.class)
class QuarantineCrashSafetyTest {

    private static final Logger LOG = LoggerFactory.getLogger(QuarantineCrashSafetyTest.class);
    private static final int FILES = 60;
    private static final int ROWS = 400;
    private static final int[] BAD_ROWS = {50, 150, 250};
    private static final Duration PATIENCE = Duration.ofSeconds(60);
    private static final DateTimeFormatter FILE_NAME = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm:ss'.parquet'");

    /** The warehouse schema, a drop directory, the child loaders. */
    @RegisterExtension
    final ChildLoaderFixture fixture = new ChildLoaderFixture();

    @Test
    void everyFileAndEveryBadRowIsRecordedExactlyOnceHoweverOftenTheDaemonIsKilled(TestDatabase database) throws Exception {
        // given the schema with a rule of the warehouse's own, and a backlog in which every third file has three bad rows
        ExpiryRule.addTo(database);
        Map<String, Long> expectedRows = new TreeMap<>();
        Map<String, Long> expectedRejected = new TreeMap<>();
        SampleRows sample = new SampleRows(5);
        LocalDateTime first = LocalDateTime.of(2023, 1, 6, 0, 0);
        for (int i = 0; i < FILES; i++) {
            String name = FILE_NAME.format(first.plusMinutes(i));
            List<SensorLogRow> rows = sample.minute(first.plusMinutes(i), ROWS);
            if (i % 3 == 0) {
                rows = withBadRows(rows);
                expectedRejected.put(name, (long) BAD_ROWS.length);
            }
            SensorLogFixture.of(rows).writeTo(fixture.dropDir(), name);
            expectedRows.put(name, (long) ROWS - (i % 3 == 0 ? BAD_ROWS.length : 0));
        }
        Path done = fixture.done();

        // when the daemon is killed (SIGKILL) as soon as the first files are done, again and again as
        // files with bad rows commit, mid-way, and right after the last file
        killWhen(database, "the first file is in .done/", () -> parquetFilesIn(done) >= 1);
        for (int cycle = 0; cycle < 3; cycle++) {
            long setAsideBefore = database.queryLong("SELECT count(*) FROM rejected_row");
            killWhen(database, "more bad rows are committed (cycle " + cycle + ")",
                    () -> database.queryLong("SELECT count(*) FROM rejected_row") > setAsideBefore || parquetFilesIn(done) == FILES);
        }
        killWhen(database, "half of the files are in .done/", () -> parquetFilesIn(done) >= FILES / 2);
        killWhen(database, "the last file is in .done/", () -> parquetFilesIn(done) == FILES);

        // and then run --once drains whatever is left (it exits 0)
        fixture.runOnce(daemon(), PATIENCE);

        // then every file is loaded exactly once, and each bad row is set aside exactly once
        ExactlyOnce.assertLoadedExactlyOnce(database, fixture.dropDir(), expectedRows, expectedRejected);
        assertThat(database.queryRows("SELECT DISTINCT row_number, rule FROM rejected_row ORDER BY 1")).containsExactly(
                List.of(50L, "null-value"), List.of(150L, "nul-character"), List.of(250L, "rejected-by-database"));
        LOG.info("Quarantine crash safety: {} duplicate sightings (a file committed, killed before its move)",
                ExactlyOnce.ledgerRows(database, "duplicate"));
    }

    private void killWhen(TestDatabase database, String moment, BooleanSupplier condition) throws Exception {
        LoaderProcess loader = fixture.killWhen(daemon(), moment, PATIENCE, condition);
        LOG.info("Killed the daemon when {}: {} loaded, {} rows set aside", moment,
                ExactlyOnce.ledgerRows(database, "loaded"), database.queryLong("SELECT count(*) FROM rejected_row"));
        ExactlyOnce.assertNothingHalfLoaded(database);
        assertThat(ExactlyOnce.ledgerRows(database, "failed")).as(loader.describe()).isZero();
    }

    /** Small batches, so a file is several COPYs and a kill can land between two of them. */
    private LoaderProcess.Builder daemon() {
        return fixture.daemon().option("--batch-size", "100", "--bad-rows", "quarantine");
    }

    private static List<SensorLogRow> withBadRows(List<SensorLogRow> rows) {
        List<SensorLogRow> changed = new ArrayList<>(rows);
        changed.set(BAD_ROWS[0] - 1, rows.get(BAD_ROWS[0] - 1).withSensorSerial(null));
        changed.set(BAD_ROWS[1] - 1, rows.get(BAD_ROWS[1] - 1).withProductName("nul\u0000in the name"));
        changed.set(BAD_ROWS[2] - 1, ExpiryRule.breaking(rows.get(BAD_ROWS[2] - 1)));
        return changed;
    }
}
