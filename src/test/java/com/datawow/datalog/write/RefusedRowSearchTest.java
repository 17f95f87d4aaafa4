package com.datawow.datalog.write;

import com.datawow.datalog.db.Schema;
import com.datawow.datalog.dimension.ResolvedBatch;
import com.datawow.datalog.failure.FailureClassifier;
import com.datawow.datalog.parquet.SensorLogBatch;
import com.datawow.datalog.parquet.Timestamps;
import com.datawow.datalog.partition.DatalogTable;
import com.datawow.datalog.testing.ExpiryRule;
import com.datawow.datalog.testing.PostgresExtension;
import com.datawow.datalog.testing.TestDatabase;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.datasource.DataSourceTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

import java.sql.SQLException;
import java.time.LocalDateTime;
import java.util.Arrays;
import java.util.BitSet;
import java.util.Set;
import java.util.stream.IntStream;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * The search for the rows PostgreSQL refuses, against a real datalog with a CHECK constraint of the
 * warehouse's own: it finds exactly those rows, in few probes, leaves nothing written, and the
 * transaction it ran in goes on to take the other rows.
 */
@ExtendWith(PostgresExtension.class)
class RefusedRowSearchTest {

    private static final int ROWS = 1_000;
    private static final int FILE_ID = 7;
    private static final LocalDateTime CREATED = LocalDateTime.of(2023, 1, 2, 3, 4);

    private final TestDatabase database;
    private final TransactionTemplate transaction;
    private final CopyDatalogWriter copy;
    private final RefusedRowSearch search;

    RefusedRowSearchTest(TestDatabase database) {
        this.database = database;
        this.transaction = new TransactionTemplate(new DataSourceTransactionManager(database.dataSource()));
        this.copy = new CopyDatalogWriter(database.dataSource());
        this.search = new RefusedRowSearch(copy, database.dataSource(), new FailureClassifier());
    }

    @BeforeEach
    void datalogWithACheckOfItsOwn() throws SQLException {
        Schema.apply(database.dataSource());
        database.execute("TRUNCATE datalog");
        database.execute("INSERT INTO department (department_id, department_name) VALUES (1, 'd') ON CONFLICT DO NOTHING");
        database.execute("INSERT INTO sensor (sensor_id, sensor_serial, department_id) VALUES (1, 's', 1) ON CONFLICT DO NOTHING");
        database.execute("INSERT INTO product (product_id, product_name) VALUES (1, 'p') ON CONFLICT DO NOTHING");
        ExpiryRule.addTo(database);
    }

    @Test
    void findsExactlyTheRefusedRowsWithPostgresReasonAndWritesNothing() {
        ResolvedBatch batch = batchRefusedAt(3, 499, 500, 998);

        RefusedRowSearch.Refusals refusals = transaction.execute(status -> {
            RefusedRowSearch.Refusals found = searchIn(batch);
            assertThat(new JdbcTemplate(database.dataSource()).queryForObject("SELECT count(*) FROM datalog", Long.class))
                    .as("rows left by the probes in the search's own transaction").isZero();
            return found;
        });

        assertThat(refusals.rows()).extracting(RefusedRowSearch.RefusedRow::index).containsExactly(3, 499, 500, 998);
        assertThat(refusals.rows()).allSatisfy(row -> assertThat(row.reason())
                .startsWith("PostgreSQL refused the row: ").contains(ExpiryRule.NAME, "SQLSTATE 23514"));
        assertThat(refusals.probes()).as("at most 1 + 2 r log2(n) probes").isLessThanOrEqualTo(1 + 2 * 4 * 10);
        assertThat(database.queryLong("SELECT count(*) FROM datalog")).isZero();
    }

    @Test
    void oneRefusedRowTakesAtMostTwoProbesPerHalving() {
        RefusedRowSearch.Refusals refusals = transaction.execute(status -> searchIn(batchRefusedAt(777)));

        assertThat(refusals.rows()).extracting(RefusedRowSearch.RefusedRow::index).containsExactly(777);
        assertThat(refusals.probes()).isLessThanOrEqualTo(1 + 2 * 10);
    }

    @Test
    void aBatchPostgresNoLongerRefusesTakesOneProbeAndSetsNothingAside() {
        RefusedRowSearch.Refusals refusals = transaction.execute(status -> searchIn(batchRefusedAt()));

        assertThat(refusals.rows()).isEmpty();
        assertThat(refusals.probes()).isEqualTo(1);
    }

    @Test
    void theTransactionGoesOnAndTakesTheRowsThatAreNotRefused() {
        ResolvedBatch batch = batchRefusedAt(0, 1, 999);

        transaction.executeWithoutResult(status -> {
            BitSet refused = new BitSet();
            searchIn(batch).rows().forEach(row -> refused.set(row.index()));
            try {
                ResolvedBatch rest = batch.without(refused);
                copy.write(rest, 0, rest.size(), FILE_ID, DatalogTable.DATALOG);
            } catch (SQLException e) {
                throw new IllegalStateException(e);
            }
        });

        assertThat(database.queryLong("SELECT count(*) FROM datalog WHERE file_id = " + FILE_ID)).isEqualTo(ROWS - 3);
    }

    @Test
    void aProbeThatFailsForAnotherReasonThanARefusedValueFailsTheSearch() {
        ResolvedBatch orphan = new ResolvedBatch(batchRefusedAt(5).source(), filled(1), filled(42));   // no sensor 42: the loader's ids, not a value

        assertThatThrownBy(() -> transaction.executeWithoutResult(status -> searchIn(orphan)))
                .hasRootCauseInstanceOf(SQLException.class)
                .hasStackTraceContaining("datalog_sensor_id_fkey");
    }

    private RefusedRowSearch.Refusals searchIn(ResolvedBatch batch) {
        try {
            return search.search(batch, FILE_ID, DatalogTable.DATALOG);
        } catch (SQLException e) {
            throw new IllegalStateException(e);
        }
    }

    /** ROWS rows of sensor 1 and product 1; those at the given indexes expire 20 years after they were created. */
    private static ResolvedBatch batchRefusedAt(Integer... refused) {
        Set<Integer> refusedRows = Set.of(refused);
        long created = Timestamps.toMicros(CREATED);
        long[] createAt = new long[ROWS];
        long[] expire = new long[ROWS];
        Arrays.fill(createAt, created);
        for (int i = 0; i < ROWS; i++) {
            expire[i] = Timestamps.toMicros(CREATED.plusYears(refusedRows.contains(i) ? 20 : 0).plusDays(88));
        }
        String[] names = IntStream.range(0, ROWS).mapToObj(i -> "n").toArray(String[]::new);
        SensorLogBatch source = new SensorLogBatch(1, names, names, createAt, names, expire);
        return new ResolvedBatch(source, filled(1), filled(1));
    }

    private static int[] filled(int id) {
        int[] ids = new int[ROWS];
        Arrays.fill(ids, id);
        return ids;
    }
}
