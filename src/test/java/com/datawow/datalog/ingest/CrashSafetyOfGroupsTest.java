package com.datawow.datalog.ingest;

import com.datawow.datalog.report.ReportQuery;
import com.datawow.datalog.testing.ChildLoaderFixture;
import com.datawow.datalog.testing.ExactlyOnce;
import com.datawow.datalog.testing.PostgresExtension;
import com.datawow.datalog.testing.TestDatabase;
import com.datawow.datalog.tools.generate.GenerationProgress;
import com.datawow.datalog.tools.generate.MinuteRange;
import com.datawow.datalog.tools.generate.SampleFileGenerator;
import com.datawow.datalog.tools.generate.SampleGenerator;
import com.datawow.datalog.tools.generate.SampleMinute;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.extension.RegisterExtension;

import java.sql.Connection;
import java.sql.Statement;
import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.function.BooleanSupplier;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Crash safety of the set-based paths: the daemon in a child JVM is killed (SIGKILL) while a new
 * day's rows are being copied aside, while that day's ATTACH waits for its lock, and in the middle
 * of a group going into datalog; each time nothing of the group is visible, and in the end every
 * file is loaded exactly once and the report's checks (foreign keys on every partition) pass.
 */
@ExtendWith(PostgresExtension.class)
class CrashSafetyOfGroupsTest {

    private static final Duration PATIENCE = Duration.ofSeconds(60);
    private static final long ROWS_PER_FILE = 1_914;

    /** The warehouse schema, a drop directory, the child loaders. */
    @RegisterExtension
    final ChildLoaderFixture fixture = new ChildLoaderFixture();

    @Test
    void aKillWhileADayIsBuiltAsideOrAttachedOrWhileAGroupGoesIntoDatalogLosesNothingAndDoublesNothing(TestDatabase database)
            throws Exception {
        Map<String, Long> expected = new HashMap<>(generate(MinuteRange.starting(MinuteRange.MONTH_FIRST, 120)));

        killWhen("the new day's rows are being copied into a table of their own",
                () -> activeStatement(database, "COPY datalog_20230101 %"));
        ExactlyOnce.assertNothingHalfLoaded(database);
        assertThat(partitions(database)).as("no partition of a killed build").containsExactly("datalog_default");

        try (Connection blocker = database.dataSource().getConnection(); Statement statement = blocker.createStatement()) {
            blocker.setAutoCommit(false);
            statement.execute("LOCK TABLE datalog_default IN ACCESS SHARE MODE");   // the attach must wait for this
            killWhen("the day's attach waits for the default partition",
                    () -> waitsForLock(database, "datalog_default"));
            blocker.rollback();   // the killed loader's session gets the lock, finds its client gone, and rolls back
        }
        ExactlyOnce.assertNothingHalfLoaded(database);
        assertThat(partitions(database)).as("no partition of a killed attach").containsExactly("datalog_default");
        assertThat(ExactlyOnce.ledgerRows(database, "loaded")).isZero();

        drainOnce();
        assertThat(partitions(database)).containsExactly("datalog_20230101", "datalog_default");

        expected.putAll(generate(MinuteRange.starting(MinuteRange.MONTH_FIRST.plusMinutes(120), 150)));
        killWhen("a group of the day's later files is being copied into datalog",
                () -> activeStatement(database, "COPY datalog (%"));
        ExactlyOnce.assertNothingHalfLoaded(database);

        drainOnce();
        ExactlyOnce.assertLoadedExactlyOnce(database, fixture.dropDir(), expected);
        assertThat(new ReportQuery(database.dataSource()).run().failedChecks()).isEmpty();
    }

    private Map<String, Long> generate(MinuteRange range) throws Exception {
        new SampleFileGenerator(fixture.dropDir(), 2, GenerationProgress.NONE).generate(range);
        Map<String, Long> files = new HashMap<>();
        for (SampleMinute minute : SampleGenerator.minutes(range)) {
            files.put(minute.fileName(), ROWS_PER_FILE);
        }
        return files;
    }

    private void killWhen(String moment, BooleanSupplier condition) throws Exception {
        fixture.killWhen(fixture.daemon(), moment, PATIENCE, condition);
    }

    private void drainOnce() throws Exception {
        fixture.runOnce(fixture.daemon(), PATIENCE);
    }

    private static boolean activeStatement(TestDatabase database, String like) {
        return database.queryLong("SELECT count(*) FROM pg_stat_activity WHERE datname = current_database() AND state = 'active' "
                + "AND query LIKE '" + like + "'") > 0;
    }

    private static boolean waitsForLock(TestDatabase database, String table) {
        return database.queryLong("SELECT count(*) FROM pg_locks WHERE NOT granted AND relation = to_regclass('" + table + "')") > 0;
    }

    private static List<String> partitions(TestDatabase database) {
        return database.queryRows("SELECT inhrelid::regclass::text FROM pg_inherits WHERE inhparent = 'datalog'::regclass ORDER BY 1")
                .stream().map(row -> (String) row.get(0)).toList();
    }
}
