package com.datawow.datalog.tools.bench;

import com.datawow.datalog.db.Schema;
import com.datawow.datalog.partition.DatalogTable;
import org.postgresql.PGConnection;
import org.postgresql.copy.CopyManager;

import java.io.BufferedInputStream;
import java.io.BufferedOutputStream;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;

/**
 * The yardsticks: the rows the loader wrote, already resolved, imported with one binary COPY into an empty
 * copy of the schema (same dimension rows, same ids, a partition for each of their days) on the same
 * server: once with the foreign keys (each row checked, as a plain load into datalog checks it), and once
 * without them (the physical limit of this server for these rows). Only the import is timed.
 */
public final class CopyBaseline {

    /** Whether the copy of the schema keeps datalog's foreign keys. */
    public enum Keys {
        WITH_FOREIGN_KEYS, WITHOUT_FOREIGN_KEYS
    }

    /** The dimension tables and their columns, parents first. */
    private static final List<String> DIMENSIONS = List.of(
            "department (department_id, department_name)",
            "sensor (sensor_id, sensor_serial, department_id)",
            "product (product_id, product_name)");
    private static final String DATALOG_COLUMNS = "create_at, product_id, sensor_id, product_expire, file_id";
    private static final int BUFFER = 1 << 16;

    private final PostgresServer server;
    private final DatabaseName loaded;
    private final Path export;
    private final long exported;
    private final List<LocalDate> days;

    private CopyBaseline(PostgresServer server, DatabaseName loaded, Path export, long exported, List<LocalDate> days) {
        this.server = server;
        this.loaded = loaded;
        this.export = export;
        this.exported = exported;
        this.days = days;
    }

    /** Exports the datalog rows of {@code loaded} to {@code export} (in {@code log_id} order), untimed. */
    public static CopyBaseline exportedFrom(PostgresServer server, DatabaseName loaded, Path export) throws SQLException, IOException {
        try (Connection source = server.connect(loaded); Statement statement = source.createStatement()) {
            List<LocalDate> days = new ArrayList<>();
            try (ResultSet result = statement.executeQuery("SELECT DISTINCT create_at::date FROM datalog ORDER BY 1")) {
                while (result.next()) {
                    days.add(result.getObject(1, LocalDate.class));
                }
            }
            try (OutputStream out = new BufferedOutputStream(Files.newOutputStream(export), BUFFER)) {
                long rows = copyManager(source).copyOut("COPY (SELECT " + DATALOG_COLUMNS + " FROM datalog ORDER BY log_id) TO STDOUT (FORMAT binary)", out);
                return new CopyBaseline(server, loaded, export, rows, List.copyOf(days));
            }
        }
    }

    /**
     * Applies the schema to {@code target}, with a partition for each day (and without the foreign keys
     * if asked), copies the dimensions of the loaded database into it - all untimed - then times the
     * import of the exported rows in one committed COPY.
     */
    public CopyResult importInto(DatabaseName target, Keys keys) throws SQLException, IOException {
        Schema.apply(server.dataSource(target));
        try (Connection source = server.connect(loaded); Connection sink = server.connect(target)) {
            prepare(sink, keys);
            copyDimensions(copyManager(source), copyManager(sink), sink);
            return importTimed(copyManager(sink), sink);
        }
    }

    private void prepare(Connection sink, Keys keys) throws SQLException {
        try (Statement statement = sink.createStatement()) {
            for (LocalDate day : days) {
                DatalogTable partition = DatalogTable.ofDay(day);
                statement.execute("CREATE TABLE " + partition.name() + " PARTITION OF datalog FOR VALUES FROM ('" + day
                        + "') TO ('" + day.plusDays(1) + "')");
            }
            if (keys == Keys.WITHOUT_FOREIGN_KEYS) {
                statement.execute("ALTER TABLE datalog DROP CONSTRAINT datalog_product_id_fkey, DROP CONSTRAINT datalog_sensor_id_fkey");
            }
        }
    }

    private static void copyDimensions(CopyManager source, CopyManager sink, Connection sinkConnection) throws SQLException, IOException {
        sinkConnection.setAutoCommit(false);
        for (String table : DIMENSIONS) {
            ByteArrayOutputStream rows = new ByteArrayOutputStream();
            source.copyOut("COPY " + table + " TO STDOUT (FORMAT binary)", rows);
            sink.copyIn("COPY " + table + " FROM STDIN (FORMAT binary)", new ByteArrayInputStream(rows.toByteArray()));
        }
        sinkConnection.commit();
        sinkConnection.setAutoCommit(true);
    }

    private CopyResult importTimed(CopyManager sink, Connection sinkConnection) throws SQLException, IOException {
        sinkConnection.setAutoCommit(false);
        try (InputStream in = new BufferedInputStream(Files.newInputStream(export), BUFFER)) {
            long start = System.nanoTime();
            long rows = sink.copyIn("COPY datalog (" + DATALOG_COLUMNS + ") FROM STDIN (FORMAT binary)", in, BUFFER);
            sinkConnection.commit();
            Duration elapsed = Duration.ofNanos(System.nanoTime() - start);
            if (rows != exported) {
                throw new IllegalStateException("Exported " + exported + " datalog rows but COPY imported " + rows);
            }
            return new CopyResult(rows, elapsed, Files.size(export));
        } catch (SQLException | IOException | RuntimeException e) {
            sinkConnection.rollback();
            throw e;
        }
    }

    private static CopyManager copyManager(Connection connection) throws SQLException {
        return connection.unwrap(PGConnection.class).getCopyAPI();
    }

    /** What the timed COPY did. */
    public record CopyResult(long rows, Duration elapsed, long bytes) {
        public double seconds() {
            return elapsed.toNanos() / 1e9;
        }

        public double rowsPerSecond() {
            return rows / Math.max(seconds(), 1e-9);
        }
    }
}
