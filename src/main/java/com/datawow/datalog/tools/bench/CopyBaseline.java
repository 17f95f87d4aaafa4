package com.datawow.datalog.tools.bench;

import com.datawow.datalog.db.Schema;
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
import java.sql.SQLException;
import java.time.Duration;
import java.util.List;

/**
 * The yardstick: the rows the loader wrote, already resolved, imported with one binary COPY into an empty
 * copy of the schema (same dimension rows, same ids) on the same server. Only the import is timed.
 */
public final class CopyBaseline {

    /** The dimension tables and their columns, parents first. */
    private static final List<String> DIMENSIONS = List.of(
            "department (department_id, department_name)",
            "sensor (sensor_id, sensor_serial, department_id)",
            "product (product_id, product_name)");
    private static final String DATALOG_COLUMNS = "create_at, product_id, sensor_id, product_expire, file_id";
    private static final int BUFFER = 1 << 16;

    private final PostgresServer server;

    public CopyBaseline(PostgresServer server) {
        this.server = server;
    }

    /**
     * Applies the schema to {@code target}, copies the dimensions of {@code loaded} into it and exports the
     * datalog rows of {@code loaded} to {@code export} (in {@code log_id} order) - all untimed - then times
     * the import of that file in one committed COPY.
     */
    public CopyResult run(DatabaseName loaded, DatabaseName target, Path export) throws SQLException, IOException {
        Schema.apply(server.dataSource(target));
        try (Connection source = server.connect(loaded); Connection sink = server.connect(target)) {
            copyDimensions(copyManager(source), copyManager(sink), sink);
            long exported = export(copyManager(source), export);
            return importTimed(copyManager(sink), sink, export, exported);
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

    private static long export(CopyManager source, Path file) throws SQLException, IOException {
        try (OutputStream out = new BufferedOutputStream(Files.newOutputStream(file), BUFFER)) {
            return source.copyOut("COPY (SELECT " + DATALOG_COLUMNS + " FROM datalog ORDER BY log_id) TO STDOUT (FORMAT binary)", out);
        }
    }

    private static CopyResult importTimed(CopyManager sink, Connection sinkConnection, Path file, long exported)
            throws SQLException, IOException {
        sinkConnection.setAutoCommit(false);
        try (InputStream in = new BufferedInputStream(Files.newInputStream(file), BUFFER)) {
            long start = System.nanoTime();
            long rows = sink.copyIn("COPY datalog (" + DATALOG_COLUMNS + ") FROM STDIN (FORMAT binary)", in, BUFFER);
            sinkConnection.commit();
            Duration elapsed = Duration.ofNanos(System.nanoTime() - start);
            if (rows != exported) {
                throw new IllegalStateException("Exported " + exported + " datalog rows but COPY imported " + rows);
            }
            return new CopyResult(rows, elapsed, Files.size(file));
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
