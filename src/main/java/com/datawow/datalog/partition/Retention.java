package com.datawow.datalog.partition;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.jdbc.datasource.DataSourceTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

import javax.sql.DataSource;
import java.time.Clock;
import java.time.LocalDate;
import java.time.ZoneOffset;

/**
 * Retention by whole days: a day partition whose every row is older than {@code days} days is
 * detached and dropped, one day per transaction, and the ledger says what went (the files whose
 * rows all went become 'expired', and lose their rejected rows; a file with rows left keeps its
 * status with its row count lowered). Rows of such old days in the default partition are deleted the same way. A day younger
 * than the setting is never touched: day D goes once D + 1 <= today - days (UTC).
 */
public final class Retention {

    private static final Logger LOG = LoggerFactory.getLogger(Retention.class);

    private final int days;
    private final DayPartitions partitions;
    private final JdbcClient jdbc;
    private final TransactionTemplate transaction;
    private final Clock clock;

    public Retention(int days, DataSource dataSource, Clock clock) {
        if (days < 1) {
            throw new IllegalArgumentException("retention days must be at least 1, got " + days);
        }
        this.days = days;
        this.partitions = new DayPartitions(dataSource);
        this.jdbc = JdbcClient.create(new JdbcTemplate(dataSource));
        this.transaction = new TransactionTemplate(new DataSourceTransactionManager(dataSource));
        this.clock = clock;
    }

    /** The first day kept: every day before it is dropped. */
    public LocalDate firstDayKept() {
        return LocalDate.now(clock.withZone(ZoneOffset.UTC)).minusDays(days);
    }

    /** Drops what is older than the setting; returns how many rows went. */
    public long dropExpired() {
        if (!partitions.isPartitioned()) {
            LOG.warn("Retention needs a datalog partitioned by day; this one is a plain table (README, \"Partitions\"): nothing dropped");
            return 0;
        }
        LocalDate firstKept = firstDayKept();
        long dropped = 0;
        for (DayPartitions.Partition partition : partitions.partitions()) {
            if (partition.range().endsOnOrBefore(firstKept)) {
                dropped += transaction.execute(status -> dropPartition(partition.name()));
            }
        }
        dropped += transaction.execute(status -> deleteFromDefault(firstKept));
        return dropped;
    }

    private long dropPartition(String name) {
        long rows = expireRows("SELECT file_id, count(*) AS n FROM " + name + " GROUP BY file_id");
        jdbc.sql("ALTER TABLE datalog DETACH PARTITION " + name).update();
        jdbc.sql("DROP TABLE " + name).update();
        LOG.info("Retention ({} days): dropped partition {}, {} rows", days, name, rows);
        return rows;
    }

    private long deleteFromDefault(LocalDate firstKept) {
        String older = " FROM " + DayPartitions.DEFAULT_PARTITION + " WHERE create_at < '" + firstKept + " 00:00:00'";
        long rows = expireRows("SELECT file_id, count(*) AS n" + older + " GROUP BY file_id");
        if (rows > 0) {
            jdbc.sql("DELETE" + older).update();
            LOG.info("Retention ({} days): deleted {} rows before {} from {}", days, rows, firstKept, DayPartitions.DEFAULT_PARTITION);
        }
        return rows;
    }

    /**
     * Lowers each file's row count by its rows about to go; a file left with none is 'expired' and its
     * rejected rows (quarantine mode) go with it. Returns the rows.
     */
    private long expireRows(String rowsPerFile) {
        long rows = jdbc.sql("WITH going AS MATERIALIZED (" + rowsPerFile + "), expired AS ("
                        + " UPDATE ingest_ledger l SET row_count = l.row_count - g.n,"
                        + " status = CASE WHEN l.status = 'loaded' AND l.row_count = g.n THEN 'expired' ELSE l.status END"
                        + " FROM going g WHERE l.file_id = g.file_id)"
                        + " SELECT coalesce(sum(n), 0) FROM going")
                .query(Long.class).single();
        jdbc.sql("DELETE FROM rejected_row r USING ingest_ledger l WHERE l.file_id = r.file_id AND l.status = 'expired'").update();
        return rows;
    }
}
