package com.datawow.datalog.ledger;

import com.datawow.datalog.db.Schema;
import com.datawow.datalog.failure.FailureClassifier;
import com.datawow.datalog.failure.FailureKind;
import com.datawow.datalog.testing.LoaderChecks;
import com.datawow.datalog.testing.PostgresExtension;
import com.datawow.datalog.testing.TestDatabase;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.springframework.jdbc.datasource.DataSourceTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

import java.nio.file.Path;
import java.sql.SQLException;
import java.time.Duration;
import java.util.Arrays;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowable;

/** The ledger's plan for a group's files before their rows, and its record after them, in the group's transaction. */
@ExtendWith(PostgresExtension.class)
class FileLedgerTest {

    private final TestDatabase database;
    private final FileLedger ledger;
    private final TransactionTemplate transaction;

    FileLedgerTest(TestDatabase database) {
        this.database = database;
        this.ledger = new FileLedger(database.dataSource());
        this.transaction = new TransactionTemplate(new DataSourceTransactionManager(database.dataSource()));
    }

    @BeforeEach
    void emptyWarehouse() throws SQLException {
        Schema.apply(database.dataSource());
        database.execute("TRUNCATE datalog, ingest_ledger, sensor, department, product RESTART IDENTITY CASCADE");
    }

    @Test
    void newContentIsPlannedUnderAReservedIdAndRecordedWithItsCounts() {
        FileFingerprint file = file("a.parquet", "c1");
        LedgerClaim claim = transaction.execute(status -> {
            LedgerClaim planned = ledger.plan(List.of(file)).getFirst();
            assertThat(database.queryLong("SELECT count(*) FROM ingest_ledger")).as("nothing written by the plan").isZero();
            ledger.record(List.of(new FileLedger.Outcome(file, planned, 1_914, 2)));
            return planned;
        });

        assertThat(claim).isEqualTo(new LedgerClaim.Load(claim.fileId(), false));
        assertThat(database.queryRows("SELECT file_id, file_name, status, row_count, rejected_row_count FROM ingest_ledger"))
                .containsExactly(List.of(claim.fileId(), "a.parquet", "loaded", 1_914L, 2L));
    }

    @Test
    void loadedContentUnderAnyNameIsADuplicate() {
        LedgerClaim first = load(file("a.parquet", "c1"));

        FileFingerprint copy = file("copy of a.parquet", "c1");
        LedgerClaim again = transaction.execute(status -> {
            LedgerClaim planned = ledger.plan(List.of(copy)).getFirst();
            ledger.record(List.of(new FileLedger.Outcome(copy, planned, 0, 0)));
            return planned;
        });

        assertThat(again).isEqualTo(new LedgerClaim.Duplicate(again.fileId(), first.fileId(), "a.parquet"));
        assertThat(database.queryRows("SELECT file_name, status, duplicate_of FROM ingest_ledger ORDER BY file_id"))
                .containsExactly(Arrays.asList("a.parquet", "loaded", null), List.of("copy of a.parquet", "duplicate", first.fileId()));
    }

    @Test
    void theSameContentTwiceInOneGroupIsLoadedOnce() {
        List<LedgerClaim> claims = transaction.execute(status -> ledger.plan(List.of(file("a.parquet", "c1"), file("b.parquet", "c1"))));

        assertThat(claims.get(0)).isInstanceOf(LedgerClaim.Load.class);
        assertThat(claims.get(1)).isEqualTo(new LedgerClaim.Duplicate(claims.get(1).fileId(), claims.get(0).fileId(), "a.parquet"));
    }

    @Test
    void newContentUnderALoadedNameReplacesItsRows() {
        LedgerClaim first = load(file("a.parquet", "c1"));
        database.execute("INSERT INTO department (department_name) VALUES ('d')");
        database.execute("INSERT INTO sensor (sensor_serial, department_id) VALUES ('s', 1)");
        database.execute("INSERT INTO product (product_name) VALUES ('p')");
        database.execute("INSERT INTO datalog (create_at, product_id, sensor_id, product_expire, file_id) "
                + "VALUES ('2023-01-01', 1, 1, '2023-03-01', " + first.fileId() + ")");

        LedgerClaim second = load(file("a.parquet", "c2"));

        assertThat(second).isEqualTo(new LedgerClaim.Load(second.fileId(), true));
        assertThat(database.queryLong("SELECT count(*) FROM datalog")).as("the earlier load's rows").isZero();
        assertThat(database.queryRows("SELECT file_id, status, replaced_by FROM ingest_ledger ORDER BY file_id"))
                .containsExactly(List.of(first.fileId(), "replaced", second.fileId()), Arrays.asList(second.fileId(), "loaded", null));
    }

    @Test
    void twoLoadersRecordingTheSameContentMeetOnTheUniqueIndex() throws Exception {
        CountDownLatch firstRecorded = new CountDownLatch(1);
        CountDownLatch releaseFirst = new CountDownLatch(1);
        CompletableFuture<LedgerClaim> first = CompletableFuture.supplyAsync(() -> transaction.execute(status -> {
            LedgerClaim claim = planAndRecord(file("a.parquet", "same"));
            firstRecorded.countDown();
            await(releaseFirst);
            return claim;
        }), Executors.newVirtualThreadPerTaskExecutor());
        assertThat(firstRecorded.await(10, TimeUnit.SECONDS)).isTrue();

        CompletableFuture<LedgerClaim> second = CompletableFuture.supplyAsync(
                () -> transaction.execute(status -> planAndRecord(file("b.parquet", "same"))), Executors.newVirtualThreadPerTaskExecutor());
        LoaderChecks.awaitUntil("the second record waits for the first transaction's lock", Duration.ofSeconds(10),
                () -> database.queryLong("SELECT count(*) FROM pg_locks l JOIN pg_stat_activity a USING (pid) "
                        + "WHERE NOT l.granted AND a.datname = current_database()") > 0,
                () -> "locks: " + database.queryRows("SELECT locktype, mode, granted FROM pg_locks"));
        assertThat(second).as("the second record is still waiting").isNotDone();
        releaseFirst.countDown();

        assertThat(first.get(10, TimeUnit.SECONDS)).isInstanceOf(LedgerClaim.Load.class);
        Throwable failure = catchThrowable(() -> second.get(10, TimeUnit.SECONDS));
        assertThat(new FailureClassifier().classify(failure)).as("retried, then seen as a duplicate").isEqualTo(FailureKind.CONFLICT);
        LedgerClaim retried = transaction.execute(status -> planAndRecord(file("b.parquet", "same")));
        assertThat(retried).isInstanceOf(LedgerClaim.Duplicate.class);
    }

    @Test
    void aFailureIsRecordedWithItsReason() {
        ledger.recordFailure(file("bad.parquet", "c9"), "schema: column create_at is missing");

        assertThat(database.queryRows("SELECT file_name, status, error FROM ingest_ledger"))
                .containsExactly(List.of("bad.parquet", "failed", "schema: column create_at is missing"));
    }

    private LedgerClaim load(FileFingerprint file) {
        return transaction.execute(status -> planAndRecord(file));
    }

    private LedgerClaim planAndRecord(FileFingerprint file) {
        LedgerClaim claim = ledger.plan(List.of(file)).getFirst();
        ledger.record(List.of(new FileLedger.Outcome(file, claim, 0, 0)));
        return claim;
    }

    private static FileFingerprint file(String name, String checksum) {
        return new FileFingerprint(Path.of(name), name, 100, checksum);
    }

    private static void await(CountDownLatch latch) {
        try {
            latch.await(10, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
