package com.datawow.datalog.write;

import com.datawow.datalog.dimension.ResolvedBatch;
import com.datawow.datalog.failure.FailureClassifier;
import com.datawow.datalog.failure.FailureKind;
import com.datawow.datalog.partition.DatalogTable;
import org.postgresql.util.PSQLException;
import org.postgresql.util.ServerErrorMessage;
import org.springframework.jdbc.datasource.DataSourceUtils;

import javax.sql.DataSource;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Savepoint;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * Finds the rows of a batch that PostgreSQL refuses (a CHECK constraint, a trigger, a value it
 * cannot take), without one INSERT per row: a probe COPYs a range of the batch under a savepoint,
 * and only a refused range is halved and probed again. Every probe is rolled back, accepted or
 * not: an aborted subtransaction leaves nothing behind, so however many probes a search takes, the
 * group's transaction never holds more than one subtransaction (PostgreSQL caches 64 per backend;
 * beyond that every other session's snapshot checks slow down). The rows that are not refused are
 * then written once, by the writer, in the group's transaction itself.
 *
 * <p>Rows are taken to be refused each on its own (constraints and row triggers are): when the first
 * half of a refused range is accepted, the second half holds the refusal and is not probed whole.
 * So one refused row among n costs at most 1 + 2·log2(n) probes, writing at most 3n rows (all rolled
 * back), and r refused rows at most 1 + 2r·log2(n) probes. Runs in the caller's (the group's)
 * transaction.
 */
public record RefusedRowSearch(CopyDatalogWriter copy, DataSource dataSource, FailureClassifier classifier) {

    /**
     * The rows of the batch that {@code table} refuses now, in order, and how many probes it took.
     *
     * @throws SQLException if a probe fails for another reason than a refused value (an outage, say)
     */
    public Refusals search(ResolvedBatch batch, int fileId, DatalogTable table) throws SQLException {
        Connection connection = DataSourceUtils.getConnection(dataSource);
        try {
            Search search = new Search((from, to) -> refusalIn(connection, batch, from, to, fileId, table));
            Optional<SQLException> refusal = search.probe(0, batch.size());
            if (refusal.isPresent()) {
                search.narrow(0, batch.size(), refusal.get());
            }
            return new Refusals(List.copyOf(search.refused), search.probes);
        } finally {
            DataSourceUtils.releaseConnection(connection, dataSource);
        }
    }

    /** @param rows the refused rows, by index in the batch, in order */
    public record Refusals(List<RefusedRow> rows, int probes) {
    }

    /** Row {@code index} of the batch, and PostgreSQL's reason. */
    public record RefusedRow(int index, String reason) {
    }

    /** Writes rows {@code from..to} and takes them back: PostgreSQL's refusal if it refused one of them. */
    @FunctionalInterface
    private interface Probe {
        Optional<SQLException> refusalIn(int from, int to) throws SQLException;
    }

    /** The bisection over one batch: the refused rows it found, and the probes it took. */
    private static final class Search {

        private final Probe probe;
        private final List<RefusedRow> refused = new ArrayList<>();
        private int probes;

        Search(Probe probe) {
            this.probe = probe;
        }

        /** Rows {@code from..to} hold a refused row; {@code refusal} is PostgreSQL's word on the first. */
        void narrow(int from, int to, SQLException refusal) throws SQLException {
            if (to - from == 1) {
                refused.add(new RefusedRow(from, reasonOf(refusal)));
                return;
            }
            int middle = (from + to) >>> 1;
            Optional<SQLException> first = probe(from, middle);
            if (first.isEmpty()) {
                narrow(middle, to, refusal);      // the first refused row is in the second half
                return;
            }
            narrow(from, middle, first.get());
            Optional<SQLException> second = probe(middle, to);
            if (second.isPresent()) {
                narrow(middle, to, second.get());
            }
        }

        Optional<SQLException> probe(int from, int to) throws SQLException {
            probes++;
            return probe.refusalIn(from, to);
        }
    }

    /** COPYs the range and rolls it back to a savepoint; PostgreSQL's refusal if it refused a row of it. */
    private Optional<SQLException> refusalIn(Connection connection, ResolvedBatch batch, int from, int to, int fileId, DatalogTable table)
            throws SQLException {
        Savepoint savepoint = connection.setSavepoint();
        SQLException refusal = null;
        try {
            copy.write(batch, from, to, fileId, table);
        } catch (SQLException failure) {
            if (classifier.classify(failure) != FailureKind.BAD_INPUT) {
                throw failure;                // not a refused value: the attempt fails like any other
            }
            refusal = failure;
        }
        connection.rollback(savepoint);
        connection.releaseSavepoint(savepoint);
        return Optional.ofNullable(refusal);
    }

    private static String reasonOf(SQLException refusal) {
        ServerErrorMessage server = refusal instanceof PSQLException psql ? psql.getServerErrorMessage() : null;
        String message = server != null && server.getMessage() != null ? server.getMessage() : refusal.getMessage();
        return "PostgreSQL refused the row: " + message + " (SQLSTATE " + refusal.getSQLState() + ")";
    }
}
