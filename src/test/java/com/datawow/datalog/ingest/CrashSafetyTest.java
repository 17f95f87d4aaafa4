package com.datawow.datalog.ingest;

import com.datawow.datalog.tools.generate.GenerationProgress;
import com.datawow.datalog.tools.generate.MinuteRange;
import com.datawow.datalog.tools.generate.SampleFileGenerator;
import com.datawow.datalog.tools.generate.SampleGenerator;
import com.datawow.datalog.tools.generate.SampleMinute;
import com.datawow.datalog.testing.ExactlyOnce;
import com.datawow.datalog.testing.ChildLoaderFixture;
import com.datawow.datalog.testing.LoaderProcess;
import com.datawow.datalog.testing.PostgresExtension;
import com.datawow.datalog.testing.TestDatabase;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.extension.ExtendWith;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;
import java.util.function.BooleanSupplier;
import java.util.stream.Collectors;

import static com.datawow.datalog.testing.LoaderChecks.parquetFilesIn;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * Crash safety (issue 3, invariants 1-3): the daemon in a child JVM is killed with SIGKILL at
 * several points of loading a backlog and restarted each time; in the end every file is loaded
 * exactly once, and nothing is half loaded at any kill point.
 */
@ExtendWith(PostgresExtension.class)
class CrashSafetyTest {

    private static final Logger LOG = LoggerFactory.getLogger(CrashSafetyTest.class);
    private static final int FILES = 120;
    private static final long ROWS_PER_FILE = 1_914;
    private static final Duration PATIENCE = Duration.ofSeconds(60);

    /** The warehouse schema (so that the checks can run after the earliest kill), a drop directory, the child loaders. */
    @RegisterExtension
    final ChildLoaderFixture fixture = new ChildLoaderFixture();

    @Test
    void everyFileIsLoadedExactlyOnceHoweverOftenTheDaemonIsKilled(TestDatabase database) throws Exception {
        // given a backlog of 120 sample minutes
        MinuteRange range = MinuteRange.starting(MinuteRange.MONTH_FIRST, FILES);
        new SampleFileGenerator(fixture.dropDir(), 2, GenerationProgress.NONE).generate(range);
        Map<String, Long> expected = SampleGenerator.minutes(range).stream()
                .collect(Collectors.toMap(SampleMinute::fileName, minute -> ROWS_PER_FILE));
        Path done = fixture.done();

        // when the daemon is killed (SIGKILL) ...
        // ... while it is still starting: a fixed delay on purpose, there is nothing to observe yet
        LoaderProcess starting = fixture.start(daemon());
        Thread.sleep(300);
        starting.kill();
        check(starting, database, "0.3 s after start");

        // ... as soon as the first files have reached .done/
        killWhen(database, "the first file is in .done/", () -> parquetFilesIn(done) >= 1);

        // ... the moment a file is committed that is not yet in .done/ (between commit and move, if we catch it)
        int doneNow = parquetFilesIn(done);
        long loadedNow = ExactlyOnce.ledgerRows(database, "loaded");
        killWhen(database, "a new file is committed but not yet moved, or 10 more are done", () -> {
            long loaded = ExactlyOnce.ledgerRows(database, "loaded");
            int moved = parquetFilesIn(done);
            return loaded > loadedNow && loaded > moved || moved >= doneNow + 10;
        });

        // ... mid-way
        killWhen(database, "half of the files are in .done/", () -> parquetFilesIn(done) >= FILES / 2);

        // ... again and again, each time a few more files are committed, i.e. while batches are in flight
        for (int cycle = 0; cycle < 2; cycle++) {
            long loadedBefore = ExactlyOnce.ledgerRows(database, "loaded");
            killWhen(database, "3 more files are committed (cycle " + cycle + ")",
                    () -> ExactlyOnce.ledgerRows(database, "loaded") >= Math.min(FILES, loadedBefore + 3));
        }

        // ... right after the last file reached .done/
        killWhen(database, "the last file is in .done/", () -> parquetFilesIn(done) == FILES);

        // and then run --once drains whatever is left (it exits 0)
        fixture.runOnce(daemon(), PATIENCE);

        // then every file is loaded exactly once
        ExactlyOnce.assertLoadedExactlyOnce(database, fixture.dropDir(), expected);
        assertThat(database.queryLong("SELECT count(DISTINCT create_at) FROM datalog")).isEqualTo(FILES);
        assertThat(database.queryRows("SELECT create_at, count(*) FROM datalog GROUP BY create_at HAVING count(*) <> " + ROWS_PER_FILE))
                .as("minutes with other than 1,914 rows").isEmpty();
        LOG.info("Crash safety: {} duplicate sightings (a file committed, killed before its move)",
                ExactlyOnce.ledgerRows(database, "duplicate"));
    }

    private void killWhen(TestDatabase database, String moment, BooleanSupplier condition) throws Exception {
        check(fixture.killWhen(daemon(), moment, PATIENCE, condition), database, moment);
    }

    /** After a kill: nothing half loaded, nothing failed. */
    private void check(LoaderProcess killed, TestDatabase database, String moment) {
        LOG.info("Killed the daemon when {}: {} loaded, {} in .done/", moment,
                ExactlyOnce.ledgerRows(database, "loaded"), parquetFilesIn(fixture.done()));
        ExactlyOnce.assertNothingHalfLoaded(database);
        assertThat(ExactlyOnce.ledgerRows(database, "failed")).as(killed.describe()).isZero();
    }

    /** Small batches: a file is several COPYs, so a kill can land between two of them. */
    private LoaderProcess.Builder daemon() {
        return fixture.daemon().option("--batch-size", "500");
    }

}
