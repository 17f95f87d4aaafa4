package com.datawow.datalog.partition;

import com.datawow.datalog.db.Schema;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.jdbc.datasource.DataSourceTransactionManager;
import org.springframework.jdbc.datasource.DataSourceUtils;
import org.springframework.transaction.support.TransactionTemplate;

import javax.sql.DataSource;
import java.sql.Connection;
import java.sql.SQLException;
import java.time.LocalDate;
import java.util.List;

/**
 * Converts a {@code datalog} made by an earlier version (a plain table) into the day-partitioned
 * one, in one transaction: the plain table is renamed aside, the schema creates the partitioned
 * {@code datalog}, each day's rows are copied into a day table that is attached the way the loader
 * attaches a new day, and the plain table is dropped. Rows keep their {@code log_id}s and the
 * sequence goes on after the highest. Anything that fails rolls the whole conversion back.
 */
public final class PartitionMigration {

    private static final Logger LOG = LoggerFactory.getLogger(PartitionMigration.class);
    private static final String ASIDE = "datalog_unpartitioned";
    private static final String COLUMNS = "log_id, create_at, product_id, sensor_id, product_expire, file_id";

    private final DataSource dataSource;
    private final DayPartitions partitions;
    private final JdbcClient jdbc;
    private final TransactionTemplate transaction;

    public PartitionMigration(DataSource dataSource) {
        this.dataSource = dataSource;
        this.partitions = new DayPartitions(dataSource);
        this.jdbc = JdbcClient.create(new JdbcTemplate(dataSource));
        this.transaction = new TransactionTemplate(new DataSourceTransactionManager(dataSource));
    }

    /** What a conversion did: nothing (already partitioned), or so many days and rows. */
    public record Result(boolean converted, int days, long rows) {
    }

    public Result migrate() {
        return transaction.execute(status -> partitions.isPartitioned() ? new Result(false, 0, 0) : convert());
    }

    private Result convert() {
        // a loader writing meanwhile waits for the lock, then fails its attempt and tries again on the new table
        jdbc.sql("LOCK TABLE datalog IN ACCESS EXCLUSIVE MODE").update();
        long lastId = jdbc.sql("""
                        SELECT greatest(coalesce(max(log_id), 0),
                                        coalesce(pg_sequence_last_value(pg_get_serial_sequence('datalog', 'log_id')::regclass), 0))
                        FROM datalog""").query(Long.class).single();
        setAside();
        applySchema();
        if (lastId > 0) {
            jdbc.sql("SELECT setval('datalog_log_id_seq', ?)").param(lastId).query().singleRow();
        }
        // rows were loaded roughly in create_at order: a BRIN index finds each day's rows in one cheap pass
        jdbc.sql("CREATE INDEX ON " + ASIDE + " USING brin (create_at)").update();
        List<LocalDate> days = jdbc.sql("SELECT DISTINCT create_at::date FROM " + ASIDE + " ORDER BY 1").query(LocalDate.class).list();
        long rows = 0;
        for (int i = 0; i < days.size(); i++) {
            rows += moveDay(days.get(i));
            LOG.info("datalog conversion: {} attached ({} of {} days, {} rows so far)", days.get(i), i + 1, days.size(), rows);
        }
        jdbc.sql("DROP TABLE " + ASIDE).update();
        return new Result(true, days.size(), rows);
    }

    /** The plain table, its indexes and its identity step aside, so that the schema's names are free. */
    private void setAside() {
        jdbc.sql("ALTER TABLE datalog RENAME TO " + ASIDE).update();
        List<String> renames = jdbc.sql("""
                        SELECT format('ALTER INDEX %I RENAME TO %I', c.relname, 'unpartitioned_' || c.relname)
                        FROM pg_index i JOIN pg_class c ON c.oid = i.indexrelid
                        WHERE i.indrelid = ?::regclass""").param(ASIDE).query(String.class).list();
        renames.forEach(rename -> jdbc.sql(rename).update());
        jdbc.sql("ALTER TABLE " + ASIDE + " ALTER COLUMN log_id DROP IDENTITY IF EXISTS").update();
        jdbc.sql("ALTER TABLE " + ASIDE + " ALTER COLUMN log_id DROP DEFAULT").update();
    }

    private void applySchema() {
        Connection connection = DataSourceUtils.getConnection(dataSource);   // the transaction's own
        try {
            Schema.applyIn(connection);
        } catch (SQLException e) {
            throw new IllegalStateException("cannot create the partitioned datalog: " + e.getMessage(), e);
        } finally {
            DataSourceUtils.releaseConnection(connection, dataSource);
        }
    }

    private long moveDay(LocalDate day) {
        DatalogTable table = partitions.startDay(day)
                .orElseThrow(() -> new IllegalStateException("day " + day + " has a partition already"));
        long rows = jdbc.sql("INSERT INTO " + table.name() + " (" + COLUMNS + ") SELECT " + COLUMNS + " FROM " + ASIDE
                + " WHERE create_at >= ? AND create_at < ?").params(day.atStartOfDay(), day.plusDays(1).atStartOfDay()).update();
        partitions.attach(table);
        return rows;
    }
}
