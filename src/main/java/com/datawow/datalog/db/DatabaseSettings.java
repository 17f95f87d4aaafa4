package com.datawow.datalog.db;

import com.datawow.datalog.config.Settings;

import java.nio.file.Path;
import java.util.Optional;

/**
 * Where the warehouse is. An absent JDBC URL means: use the embedded PostgreSQL.
 * {@link #toString()} never shows the password.
 */
public record DatabaseSettings(Optional<String> jdbcUrl, String user, String password, int poolSize,
                               Path embeddedDir, int embeddedPort) {

    public static final String JDBC_URL = "datalog.jdbc-url";
    public static final String DB_USER = "datalog.db-user";
    public static final String DB_PASSWORD = "datalog.db-password";
    public static final String POOL_SIZE = "datalog.db-pool-size";
    public static final String EMBEDDED_DIR = "datalog.embedded.dir";
    public static final String EMBEDDED_PORT = "datalog.embedded.port";

    public static DatabaseSettings from(Settings settings) {
        return new DatabaseSettings(
                settings.get(JDBC_URL),
                settings.get(DB_USER, "postgres"),
                settings.get(DB_PASSWORD, ""),
                settings.getInt(POOL_SIZE, 4),
                Path.of(settings.get(EMBEDDED_DIR, ".embedded-postgres")),
                settings.getInt(EMBEDDED_PORT, 54329));
    }

    /** A configured server (no embedded fallback), e.g. for tools and tests. */
    public static DatabaseSettings of(String jdbcUrl, String user, String password, int poolSize) {
        return new DatabaseSettings(Optional.of(jdbcUrl), user, password, poolSize, Path.of(".embedded-postgres"), 0);
    }

    /** The same settings pointing at a concrete server (used once the embedded one runs). */
    public DatabaseSettings withJdbcUrl(String url, String newUser, String newPassword) {
        return new DatabaseSettings(Optional.of(url), newUser, newPassword, poolSize, embeddedDir, embeddedPort);
    }

    /** The same settings with a pool of at least {@code minimum} connections. */
    public DatabaseSettings withMinimumPoolSize(int minimum) {
        return new DatabaseSettings(jdbcUrl, user, password, Math.max(poolSize, minimum), embeddedDir, embeddedPort);
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
