package com.datawow.datalog.cli;

import com.datawow.datalog.config.Settings;
import com.datawow.datalog.db.DatabaseSettings;
import picocli.CommandLine.Option;

import java.nio.file.Path;
import java.util.HashMap;
import java.util.Map;

/** The options every command that touches the database shares (see the public interface). */
public final class DatabaseOptions {

    @Option(names = "--config", paramLabel = "FILE",
            description = "Properties file (default: config/application.properties, else the bundled one; env DATALOG_CONFIG).")
    Path configFile;

    @Option(names = "--jdbc-url", paramLabel = "URL",
            description = "e.g. jdbc:postgresql://127.0.0.1:5432/warehouse; unset = embedded PostgreSQL (env DATALOG_JDBC_URL).")
    String jdbcUrl;

    @Option(names = "--db-user", paramLabel = "USER", description = "Database user (env DATALOG_DB_USER).")
    String user;

    @Option(names = "--db-password", paramLabel = "PW", description = "Database password; never logged (env DATALOG_DB_PASSWORD).")
    String password;

    /** The layered settings: these options over the environment over the properties file. */
    public Settings settings(Map<String, String> moreOverrides) {
        Map<String, String> overrides = new HashMap<>();
        put(overrides, DatabaseSettings.JDBC_URL, jdbcUrl);
        put(overrides, DatabaseSettings.DB_USER, user);
        put(overrides, DatabaseSettings.DB_PASSWORD, password);
        moreOverrides.forEach((k, v) -> put(overrides, k, v));
        return Settings.ofProcess(configFile, overrides);
    }

    public Settings settings() {
        return settings(Map.of());
    }

    private static void put(Map<String, String> overrides, String key, String value) {
        if (value != null) {
            overrides.put(key, value);
        }
    }
}
