package com.datawow.datalog.db;

import com.datawow.datalog.failure.Stopping;
import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;

/**
 * The embedded PostgreSQL used when no database is configured. Its data directory is kept
 * between runs, so a restarted daemon finds its ledger and loads nothing twice.
 */
public final class EmbeddedDatabase implements AutoCloseable {

    private static final Logger LOG = LoggerFactory.getLogger(EmbeddedDatabase.class);
    public static final String DATABASE = "warehouse";
    public static final String USER = "postgres";

    private final EmbeddedPostgres postgres;
    private final String jdbcUrl;

    private EmbeddedDatabase(EmbeddedPostgres postgres) {
        this.postgres = postgres;
        this.jdbcUrl = JdbcUrl.of("localhost", postgres.getPort(), DATABASE).toString();
    }

    /** Starts (or re-opens) the server whose data lives in {@code dataDir}; port 0 picks a free one. */
    public static EmbeddedDatabase start(Path dataDir, int port) {
        try {
            Files.createDirectories(dataDir.toAbsolutePath().getParent());
            EmbeddedPostgres.Builder builder = EmbeddedPostgres.builder()
                    .setDataDirectory(dataDir.toAbsolutePath())
                    .setCleanDataDirectory(false)
                    .setPGStartupWait(Duration.ofSeconds(60))
                    .setServerConfig("max_connections", "50")
                    .setServerConfig("max_wal_size", "4GB");
            if (port > 0) {
                builder.setPort(port);
            }
            EmbeddedDatabase database = new EmbeddedDatabase(builder.start());
            database.createWarehouseIfMissing();
            LOG.info("Embedded PostgreSQL running: {} (user {}, data in {})", database.jdbcUrl(), USER, dataDir.toAbsolutePath());
            return database;
        } catch (IOException | SQLException e) {
            throw new DatabaseUnavailableException("Cannot start the embedded PostgreSQL in " + dataDir.toAbsolutePath() + ": " + e.getMessage(), e);
        }
    }

    public String jdbcUrl() {
        return jdbcUrl;
    }

    public int port() {
        return postgres.getPort();
    }

    private void createWarehouseIfMissing() throws SQLException {
        try (Connection connection = postgres.getPostgresDatabase().getConnection();
             Statement statement = connection.createStatement()) {
            try (ResultSet exists = statement.executeQuery("SELECT 1 FROM pg_database WHERE datname = '" + DATABASE + "'")) {
                if (exists.next()) {
                    return;
                }
            }
            statement.execute("CREATE DATABASE " + DATABASE);
        }
    }

    @Override
    public void close() {
        Stopping.logFailure(LOG, "Embedded PostgreSQL", postgres::close);
    }
}
