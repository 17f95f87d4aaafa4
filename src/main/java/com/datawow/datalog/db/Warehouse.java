package com.datawow.datalog.db;

import com.zaxxer.hikari.HikariConfig;
import com.zaxxer.hikari.HikariDataSource;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import javax.sql.DataSource;
import java.util.Optional;

/**
 * The connection to the warehouse: a HikariCP pool over the configured server, or over the
 * embedded PostgreSQL it starts when none is configured. Closing it closes both.
 */
public final class Warehouse implements AutoCloseable {

    /** The name the daemon binds the pool under, for the routes that look it up (camel-sql). */
    public static final String DATA_SOURCE_BEAN = "warehouse";
    public static final String DATA_SOURCE_REFERENCE = "#" + DATA_SOURCE_BEAN;
    private static final Logger LOG = LoggerFactory.getLogger(Warehouse.class);

    private final HikariDataSource dataSource;
    private final Optional<EmbeddedDatabase> embedded;
    private final DatabaseSettings settings;

    private Warehouse(HikariDataSource dataSource, Optional<EmbeddedDatabase> embedded, DatabaseSettings settings) {
        this.dataSource = dataSource;
        this.embedded = embedded;
        this.settings = settings;
    }

    public static Warehouse open(DatabaseSettings settings) {
        Optional<EmbeddedDatabase> embedded = Optional.empty();
        DatabaseSettings effective = settings;
        if (settings.isEmbedded()) {
            EmbeddedDatabase database = EmbeddedDatabase.start(settings.embeddedDir(), settings.embeddedPort());
            embedded = Optional.of(database);
            effective = settings.withJdbcUrl(database.jdbcUrl(), EmbeddedDatabase.USER, "");
        }
        LOG.info("Warehouse: {}", effective);
        return new Warehouse(pool(effective), embedded, effective);
    }

    private static HikariDataSource pool(DatabaseSettings settings) {
        HikariConfig config = new HikariConfig();
        config.setPoolName("warehouse");
        config.setJdbcUrl(settings.jdbcUrl().orElseThrow());
        config.setUsername(settings.user());
        config.setPassword(settings.password());
        config.setMaximumPoolSize(settings.poolSize());
        config.setMinimumIdle(0);
        config.setAutoCommit(true);
        config.setConnectionTimeout(settings.connectionTimeout().toMillis());
        // Start even when the database is down: the daemon retries instead of refusing to start.
        config.setInitializationFailTimeout(-1);
        config.addDataSourceProperty("reWriteBatchedInserts", "true");
        config.addDataSourceProperty("ApplicationName", "datalog-loader");
        config.addDataSourceProperty("tcpKeepAlive", "true");
        return new HikariDataSource(config);
    }

    public DataSource dataSource() {
        return dataSource;
    }

    /** The settings in effect, with the embedded server's URL filled in when one runs. */
    public DatabaseSettings settings() {
        return settings;
    }

    public Optional<EmbeddedDatabase> embedded() {
        return embedded;
    }

    @Override
    public void close() {
        dataSource.close();
        embedded.ifPresent(EmbeddedDatabase::close);
    }
}
