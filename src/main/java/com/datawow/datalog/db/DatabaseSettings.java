package com.datawow.datalog.db;

import com.datawow.datalog.config.Settings;

import java.nio.file.Path;
import java.time.Duration;
import java.util.Optional;

/**
 * Where the warehouse is. An absent JDBC URL means: use the embedded PostgreSQL.
 * {@code connectionTimeout}: how long a step waits for a connection from the pool before it fails
 * (while the server is unreachable, that is how long an attempt takes to count as an outage).
 * {@link #toString()} never shows the password.
 */
public record DatabaseSettings(Optional<String> jdbcUrl, String user, String password, int poolSize,
                               Duration connectionTimeout, Path embeddedDir, int embeddedPort) {

    public static final String JDBC_URL = "datalog.jdbc-url";
    public static final String DB_USER = "datalog.db-user";
    public static final String DB_PASSWORD = "datalog.db-password";
    public static final String POOL_SIZE = "datalog.db-pool-size";
    public static final String CONNECTION_TIMEOUT_MS = "datalog.db-connection-timeout-ms";
    /** HikariCP's lower bound. */
    static final long MIN_CONNECTION_TIMEOUT_MS = 250;
    static final Duration DEFAULT_CONNECTION_TIMEOUT = Duration.ofSeconds(5);
    public static final String EMBEDDED_DIR = "datalog.embedded.dir";
    public static final String EMBEDDED_PORT = "datalog.embedded.port";

    public static DatabaseSettings from(Settings settings) {
        Duration timeout = Duration.ofMillis(settings.getInt(CONNECTION_TIMEOUT_MS, (int) DEFAULT_CONNECTION_TIMEOUT.toMillis()));
        return new DatabaseSettings(
                settings.get(JDBC_URL),
                settings.get(DB_USER, "postgres"),
                settings.get(DB_PASSWORD, ""),
                settings.getInt(POOL_SIZE, 4),
                requireConnectionTimeout(timeout),
                Path.of(settings.get(EMBEDDED_DIR, ".embedded-postgres")),
                settings.getInt(EMBEDDED_PORT, 54329));
    }

    /** A configured server (no embedded fallback), e.g. for tools and tests. */
    public static DatabaseSettings of(String jdbcUrl, String user, String password, int poolSize) {
        return new DatabaseSettings(Optional.of(jdbcUrl), user, password, poolSize, DEFAULT_CONNECTION_TIMEOUT, Path.of(".embedded-postgres"), 0);
    }

    /** The same settings with another {@code connectionTimeout} (at least 250 ms, HikariCP's bound). */
    public DatabaseSettings withConnectionTimeout(Duration timeout) {
        return new DatabaseSettings(jdbcUrl, user, password, poolSize, requireConnectionTimeout(timeout), embeddedDir, embeddedPort);
    }

    private static Duration requireConnectionTimeout(Duration timeout) {
        if (timeout.toMillis() < MIN_CONNECTION_TIMEOUT_MS) {
            throw new IllegalArgumentException(CONNECTION_TIMEOUT_MS + " must be at least " + MIN_CONNECTION_TIMEOUT_MS + ", got " + timeout.toMillis());
        }
        return timeout;
    }

    /** The same settings pointing at a concrete server (used once the embedded one runs). */
    public DatabaseSettings withJdbcUrl(String url, String newUser, String newPassword) {
        return new DatabaseSettings(Optional.of(url), newUser, newPassword, poolSize, connectionTimeout, embeddedDir, embeddedPort);
    }

    /** The same settings with a pool of at least {@code minimum} connections. */
    public DatabaseSettings withMinimumPoolSize(int minimum) {
        return new DatabaseSettings(jdbcUrl, user, password, Math.max(poolSize, minimum), connectionTimeout, embeddedDir, embeddedPort);
    }

    public boolean isEmbedded() {
        return jdbcUrl.isEmpty();
    }

    @Override
    public String toString() {
        return "DatabaseSettings[url=" + jdbcUrl.orElse("(embedded)") + ", user=" + user
                + ", password=" + (password.isEmpty() ? "(none)" : "****") + "]";
    }
}
