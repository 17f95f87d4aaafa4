package com.datawow.datalog.testing;

import com.datawow.datalog.config.Settings;
import com.datawow.datalog.db.DatabaseSettings;
import com.datawow.datalog.db.Warehouse;

import javax.sql.DataSource;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;

/** A database of its own for one test class, on the server {@link TestPostgres} found. Dropped afterwards. */
public final class TestDatabase implements AutoCloseable {

    /**
     * Drops databases in the background: a DROP DATABASE waits for a checkpoint of the whole server,
     * a second or so, and more while other builds write to the same server (RefusedRowSearchTest,
     * 3 s of tests, once took 92 s as a class). The test JVM waits for the drops before it exits.
     */
    private static final ExecutorService DROPS = Executors.newSingleThreadExecutor(task -> {
        Thread thread = new Thread(task, "test-database-drops");
        thread.setDaemon(true);
        return thread;
    });

    static {
        Runtime.getRuntime().addShutdownHook(new Thread(() -> {
            DROPS.shutdown();
            try {
                if (!DROPS.awaitTermination(2, TimeUnit.MINUTES)) {
                    System.err.println("Test databases still being dropped after 2 minutes; left behind");
                }
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }, "test-database-drops-at-exit"));
    }

    private final TestPostgres.Server server;
    private final String name;
    private final Warehouse warehouse;

    TestDatabase(TestPostgres.Server server, String name) {
        this.server = server;
        this.name = name;
        this.warehouse = Warehouse.open(connection(4));
    }

    /** This database as the loader's settings name it, with a pool of {@code poolSize}. */
    public DatabaseSettings connection(int poolSize) {
        return DatabaseSettings.of(jdbcUrl(), user(), password(), poolSize);
    }

    public String name() {
        return name;
    }

    public String jdbcUrl() {
        return server.urlOf(name);
    }

    public String user() {
        return server.user();
    }

    public String password() {
        return server.password();
    }

    /** A pool for the test's own checks (the code under test opens its own). */
    public DataSource dataSource() {
        return warehouse.dataSource();
    }

    /** Layered settings pointing at this database, with more keys on top. */
    public Settings settings(Map<String, String> more) {
        Map<String, String> overrides = new HashMap<>(more);
        overrides.put(DatabaseSettings.JDBC_URL, jdbcUrl());
        overrides.put(DatabaseSettings.DB_USER, user());
        overrides.put(DatabaseSettings.DB_PASSWORD, password());
        return Settings.load(Path.of("config", "application.properties"), Map.of(), overrides);
    }

    /** The single value of a query (a count, say). */
    public long queryLong(String sql) {
        try (Connection connection = dataSource().getConnection();
             Statement statement = connection.createStatement();
             ResultSet result = statement.executeQuery(sql)) {
            result.next();
            return result.getLong(1);
        } catch (SQLException e) {
            throw new IllegalStateException(sql + ": " + e.getMessage(), e);
        }
    }

    /** Every row of a query, each as a list of its column values. */
    public List<List<Object>> queryRows(String sql, Object... parameters) {
        try (Connection connection = dataSource().getConnection();
             PreparedStatement statement = prepare(connection, sql, parameters);
             ResultSet result = statement.executeQuery()) {
            List<List<Object>> rows = new ArrayList<>();
            int columns = result.getMetaData().getColumnCount();
            while (result.next()) {
                List<Object> row = new ArrayList<>(columns);
                for (int i = 1; i <= columns; i++) {
                    row.add(result.getObject(i));
                }
                rows.add(row);
            }
            return rows;
        } catch (SQLException e) {
            throw new IllegalStateException(sql + ": " + e.getMessage(), e);
        }
    }

    private static PreparedStatement prepare(Connection connection, String sql, Object... parameters) throws SQLException {
        PreparedStatement statement = connection.prepareStatement(sql);
        for (int i = 0; i < parameters.length; i++) {
            statement.setObject(i + 1, parameters[i]);
        }
        return statement;
    }

    public void execute(String sql) {
        try (Connection connection = dataSource().getConnection(); Statement statement = connection.createStatement()) {
            statement.execute(sql);
        } catch (SQLException e) {
            throw new IllegalStateException(sql + ": " + e.getMessage(), e);
        }
    }

    @Override
    public void close() throws SQLException {
        warehouse.close();
        drop();
    }

    /** Closes this side's connections now and drops the database in the background (see {@link #DROPS}). */
    void closeAndDropLater() {
        warehouse.close();
        DROPS.execute(() -> {
            try {
                drop();
            } catch (SQLException e) {
                System.err.println("Cannot drop test database " + name + " on " + server.description() + ": " + e.getMessage());
            }
        });
    }

    private void drop() throws SQLException {
        try (Connection admin = server.connectAdmin(); Statement statement = admin.createStatement()) {
            statement.execute("DROP DATABASE IF EXISTS " + name + " WITH (FORCE)");
        }
    }
}
