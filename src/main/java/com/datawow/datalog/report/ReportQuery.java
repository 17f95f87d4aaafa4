package com.datawow.datalog.report;

import javax.sql.DataSource;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.LocalDateTime;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Reads a {@link WarehouseReport} from the warehouse. Read-only; every query is a fixed string.
 * <p>
 * All queries run in one REPEATABLE READ transaction, so the numbers agree with each other even
 * while the daemon is loading (a file committed mid-report is either in every number or in none).
 * Most queries scan datalog: on the full sample month this takes a while, by design (exact counts).
 */
public final class ReportQuery {

    /** The tables counted, in the order they are reported. */
    public static final List<String> TABLES = List.of("department", "sensor", "product", "datalog");

    private static final Map<String, String> COUNT_QUERIES = Map.of(
            "department", "SELECT count(*) FROM department",
            "sensor", "SELECT count(*) FROM sensor",
            "product", "SELECT count(*) FROM product",
            "datalog", "SELECT count(*) FROM datalog");

    private static final String LEDGER_QUERY = """
            SELECT count(*) FILTER (WHERE status = 'loaded'),
                   count(*) FILTER (WHERE status = 'duplicate'),
                   count(*) FILTER (WHERE status = 'replaced'),
                   count(*) FILTER (WHERE status = 'failed'),
                   count(*) FILTER (WHERE status = 'unloaded'),
                   coalesce(sum(row_count) FILTER (WHERE status = 'loaded'), 0),
                   coalesce(sum(rejected_row_count) FILTER (WHERE status = 'loaded'), 0),
                   max(finished_at) FILTER (WHERE status = 'loaded')
              FROM ingest_ledger""";

    private static final String CREATE_AT_QUERY = "SELECT min(create_at), max(create_at) FROM datalog";

    /** PostgreSQL's SQLSTATE for "relation does not exist". */
    private static final String UNDEFINED_TABLE = "42P01";

    private final DataSource dataSource;

    public ReportQuery(DataSource dataSource) {
        this.dataSource = dataSource;
    }

    public WarehouseReport run() {
        try (Connection connection = dataSource.getConnection()) {
            connection.setAutoCommit(false);
            connection.setReadOnly(true);
            connection.setTransactionIsolation(Connection.TRANSACTION_REPEATABLE_READ);
            try (Statement statement = connection.createStatement()) {
                WarehouseReport report = new WarehouseReport(
                        rowsPerTable(statement), ledger(statement), createAtRange(statement), checks(statement));
                connection.commit();
                return report;
            } catch (SQLException e) {
                connection.rollback();
                throw e;
            }
        } catch (SQLException e) {
            throw new ReportQueryException(explain(e), e);
        }
    }

    private static Map<String, Long> rowsPerTable(Statement statement) throws SQLException {
        Map<String, Long> rows = new LinkedHashMap<>();
        for (String table : TABLES) {
            rows.put(table, singleLong(statement, COUNT_QUERIES.get(table)));
        }
        return rows;
    }

    private static LedgerSummary ledger(Statement statement) throws SQLException {
        try (ResultSet result = statement.executeQuery(LEDGER_QUERY)) {
            result.next();
            return new LedgerSummary(result.getLong(1), result.getLong(2), result.getLong(3), result.getLong(4),
                    result.getLong(5), result.getLong(6), result.getLong(7),
                    Optional.ofNullable(result.getObject(8, OffsetDateTime.class)).map(OffsetDateTime::toInstant));
        }
    }

    private static CreateAtRange createAtRange(Statement statement) throws SQLException {
        try (ResultSet result = statement.executeQuery(CREATE_AT_QUERY)) {
            result.next();
            return new CreateAtRange(Optional.ofNullable(result.getObject(1, LocalDateTime.class)),
                    Optional.ofNullable(result.getObject(2, LocalDateTime.class)));
        }
    }

    private static List<CheckResult> checks(Statement statement) throws SQLException {
        List<CheckResult> results = new ArrayList<>();
        for (IntegrityCheck check : IntegrityCheck.values()) {
            results.add(new CheckResult(check, singleLong(statement, check.countingQuery())));
        }
        return results;
    }

    private static long singleLong(Statement statement, String sql) throws SQLException {
        try (ResultSet result = statement.executeQuery(sql)) {
            result.next();
            return result.getLong(1);
        }
    }

    private static String explain(SQLException e) {
        String message = "Cannot read the warehouse for the report: " + e.getMessage();
        return UNDEFINED_TABLE.equals(e.getSQLState())
                ? message + " (has the schema been applied? the `schema` command creates it)"
                : message;
    }
}
