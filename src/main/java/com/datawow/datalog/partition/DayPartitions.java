package com.datawow.datalog.partition;

import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.core.simple.JdbcClient;

import javax.sql.DataSource;
import java.time.LocalDate;
import java.util.List;
import java.util.Optional;

/**
 * The day partitions of {@code datalog}, and the set-based way a new day gets one: its rows go into
 * a table of their own (no foreign-key triggers, no index), which then gets its indexes and is
 * ATTACHed, and ATTACH checks each foreign key with one join. Everything here joins the transaction
 * bound to the calling thread (the group's), so a day appears together with its files' ledger rows.
 *
 * <p>Lock order, the same for every loader: the day's advisory lock when the group starts; at the
 * end, the default partition (ACCESS EXCLUSIVE, so no row of the day can slip into it between the
 * move and the ATTACH), then ATTACH's own locks on datalog and on the dimension tables.
 */
public final class DayPartitions {

    static final String DEFAULT_PARTITION = "datalog_default";
    /** Advisory lock class of "building day N" (the day is the second key): two loaders never build one day. */
    private static final int DAY_BUILD_LOCK = 0x64617931;
    private static final String COLUMNS = "log_id, create_at, product_id, sensor_id, product_expire, file_id";

    private final JdbcClient jdbc;

    public DayPartitions(DataSource dataSource) {
        this.jdbc = JdbcClient.create(new JdbcTemplate(dataSource));
    }

    /** Whether datalog is partitioned; one made by an earlier version is a plain table until converted. */
    public boolean isPartitioned() {
        return jdbc.sql("SELECT relkind = 'p' FROM pg_class WHERE oid = 'datalog'::regclass").query(Boolean.class).single();
    }

    /** The partitions of datalog with a range bound (the default partition has none). */
    public List<Partition> partitions() {
        return jdbc.sql("""
                        SELECT c.relname, pg_get_expr(c.relpartbound, c.oid)
                        FROM pg_inherits i JOIN pg_class c ON c.oid = i.inhrelid
                        WHERE i.inhparent = 'datalog'::regclass
                        ORDER BY c.relname""")
                .query((rs, n) -> {
                    String name = rs.getString(1);
                    return DayRange.parse(rs.getString(2)).map(range -> new Partition(name, range));
                })
                .list().stream().flatMap(Optional::stream).toList();
    }

    /** Whether some partition holds rows of that day already (a day partition, or any that overlaps it). */
    public boolean hasPartitionFor(LocalDate day) {
        return partitions().stream().anyMatch(partition -> partition.covers(day));
    }

    /**
     * In the current transaction: waits until no other loader builds the day, then, if the day is
     * still without a partition, creates its table (with the CHECK that lets ATTACH skip its scan).
     *
     * @return the day's table to write into, or empty when the day has a partition by now (write into datalog)
     */
    public Optional<DatalogTable> startDay(LocalDate day) {
        jdbc.sql("SELECT pg_advisory_xact_lock(?, ?)").params(DAY_BUILD_LOCK, Math.toIntExact(day.toEpochDay())).query().singleRow();
        if (!isPartitioned() || hasPartitionFor(day)) {
            return Optional.empty();
        }
        DatalogTable table = DatalogTable.ofDay(day);
        // the parent's CHECK constraints too: rows are held to them as they are copied, and ATTACH requires them
        jdbc.sql("CREATE TABLE " + table.name() + " (LIKE datalog INCLUDING DEFAULTS INCLUDING CONSTRAINTS, CONSTRAINT " + dayCheck(table)
                + " CHECK (create_at >= " + literal(day) + " AND create_at < " + literal(day.plusDays(1)) + "))").update();
        return Optional.of(table);
    }

    /**
     * In the current transaction: the day's indexes, any rows of the day the default partition took
     * meanwhile, then ATTACH (which validates both foreign keys with one join each).
     */
    public void attach(DatalogTable table) {
        LocalDate day = table.day().orElseThrow(() -> new IllegalArgumentException(table + " is not a day's table"));
        String name = table.name();
        jdbc.sql("ALTER TABLE " + name + " ADD CONSTRAINT " + name + "_pkey PRIMARY KEY (log_id, create_at)").update();
        jdbc.sql("CREATE INDEX " + name + "_file_id_brin ON " + name + " USING brin (file_id)").update();
        jdbc.sql("CREATE INDEX " + name + "_create_at_brin ON " + name + " USING brin (create_at)").update();
        if (hasDefaultPartition()) {
            jdbc.sql("LOCK TABLE " + DEFAULT_PARTITION + " IN ACCESS EXCLUSIVE MODE").update();
            jdbc.sql("WITH moved AS (DELETE FROM " + DEFAULT_PARTITION + " WHERE create_at >= " + literal(day)
                    + " AND create_at < " + literal(day.plusDays(1)) + " RETURNING " + COLUMNS + ") "
                    + "INSERT INTO " + name + " (" + COLUMNS + ") SELECT " + COLUMNS + " FROM moved").update();
        }
        jdbc.sql("ALTER TABLE datalog ATTACH PARTITION " + name + " FOR VALUES FROM (" + literal(day) + ") TO ("
                + literal(day.plusDays(1)) + ")").update();
        jdbc.sql("ALTER TABLE " + name + " DROP CONSTRAINT " + dayCheck(table)).update();
    }

    private boolean hasDefaultPartition() {
        return jdbc.sql("SELECT to_regclass(?) IS NOT NULL").param(DEFAULT_PARTITION).query(Boolean.class).single();
    }

    private static String dayCheck(DatalogTable table) {
        return table.name() + "_day";
    }

    /** A date as a timestamp literal: made from a LocalDate, so it is safe in SQL text. */
    private static String literal(LocalDate day) {
        return "'" + day + " 00:00:00'";
    }

    /** A partition of datalog and the range of create_at it holds. */
    public record Partition(String name, DayRange range) {

        /** Whether it holds rows of that day (all of it, or a part). */
        public boolean covers(LocalDate day) {
            return range.overlaps(DayRange.of(day));
        }
    }
}
