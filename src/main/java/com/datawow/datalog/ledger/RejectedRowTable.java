package com.datawow.datalog.ledger;

import com.datawow.datalog.quarantine.RejectedRow;
import com.datawow.datalog.quarantine.RowRule;
import com.datawow.datalog.quarantine.RowValues;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.core.RowMapper;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.jdbc.datasource.DataSourceTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

import javax.sql.DataSource;
import java.util.List;
import java.util.function.Consumer;

/**
 * The {@code rejected_row} table: the rows of loaded files that quarantine mode set aside, each
 * under its file's ledger id and its row in the file, with the rule it broke, the reason and its
 * values as text. {@link #add} joins the transaction bound to the thread (the group's), so a file's
 * rejected rows commit with its good rows and its ledger row; the reads are for people (the
 * {@code NAME.rejected.csv} file, the console). A replaced file's rejected rows go in
 * {@link FileLedger#claim}, with its datalog rows.
 */
public final class RejectedRowTable {

    private static final String COLUMNS =
            "row_number, rule, reason, department_name, sensor_serial, create_at, product_name, product_expire";
    /** Streaming reads fetch this many rows at a time, so a file with many rejected rows never sits in memory whole. */
    private static final int FETCH_SIZE = 1_000;
    private static final RowMapper<RejectedRow> ROW = (rs, n) -> new RejectedRow(
            rs.getLong("row_number"),
            RowRule.ofId(rs.getString("rule")),
            rs.getString("reason"),
            new RowValues(rs.getString("department_name"), rs.getString("sensor_serial"), rs.getString("create_at"),
                    rs.getString("product_name"), rs.getString("product_expire")));

    private final JdbcClient jdbc;
    private final JdbcTemplate streaming;
    private final TransactionTemplate readOnly;

    public RejectedRowTable(DataSource dataSource) {
        this.jdbc = JdbcClient.create(new JdbcTemplate(dataSource));
        this.streaming = new JdbcTemplate(dataSource);
        this.streaming.setFetchSize(FETCH_SIZE);
        this.readOnly = new TransactionTemplate(new DataSourceTransactionManager(dataSource));
        this.readOnly.setReadOnly(true);
    }

    /** In the current transaction: these rows of the file, in one statement. */
    public void add(int fileId, List<RejectedRow> rows) {
        if (rows.isEmpty()) {
            return;
        }
        jdbc.sql("INSERT INTO rejected_row (file_id, " + COLUMNS + ") SELECT ?, * FROM unnest("
                        + "CAST(? AS bigint[]), CAST(? AS text[]), CAST(? AS text[]), CAST(? AS text[]), CAST(? AS text[]),"
                        + " CAST(? AS text[]), CAST(? AS text[]), CAST(? AS text[]))")
                .params(fileId,
                        rows.stream().map(RejectedRow::row).toArray(Long[]::new),
                        rows.stream().map(row -> row.rule().id()).toArray(String[]::new),
                        rows.stream().map(RejectedRow::reason).toArray(String[]::new),
                        rows.stream().map(row -> row.values().departmentName()).toArray(String[]::new),
                        rows.stream().map(row -> row.values().sensorSerial()).toArray(String[]::new),
                        rows.stream().map(row -> row.values().createAt()).toArray(String[]::new),
                        rows.stream().map(row -> row.values().productName()).toArray(String[]::new),
                        rows.stream().map(row -> row.values().productExpire()).toArray(String[]::new))
                .update();
    }

    /** How many rows of the file were set aside. */
    public long countOf(int fileId) {
        return jdbc.sql("SELECT count(*) FROM rejected_row WHERE file_id = ?").param(fileId).query(Long.class).single();
    }

    /** The file's first {@code limit} rejected rows, in file order (for a view). */
    public List<RejectedRow> ofFile(int fileId, int limit) {
        return jdbc.sql("SELECT " + COLUMNS + " FROM rejected_row WHERE file_id = ? ORDER BY row_number LIMIT ?")
                .params(fileId, limit)
                .query(ROW)
                .list();
    }

    /** Every rejected row of the file, in file order, streamed from one snapshot. */
    public void forEach(int fileId, Consumer<RejectedRow> each) {
        readOnly.executeWithoutResult(status -> streaming.query(
                "SELECT " + COLUMNS + " FROM rejected_row WHERE file_id = ? ORDER BY row_number",
                rs -> {
                    each.accept(ROW.mapRow(rs, 0));
                }, fileId));
    }
}
