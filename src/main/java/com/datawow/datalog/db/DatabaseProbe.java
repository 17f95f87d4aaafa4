package com.datawow.datalog.db;

import javax.sql.DataSource;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;

/** Whether the database answers right now: {@code SELECT 1} on a pool connection, within a timeout. */
public final class DatabaseProbe {

    private static final Duration DEFAULT_TIMEOUT = Duration.ofSeconds(3);

    private final DataSource dataSource;

    public DatabaseProbe(DataSource dataSource) {
        this.dataSource = dataSource;
    }

    /** @throws SQLException why the database did not answer */
    public void check(Duration timeout) throws SQLException {
        try (Connection connection = dataSource.getConnection(); Statement statement = connection.createStatement()) {
            statement.setQueryTimeout((int) Math.max(1, timeout.toSeconds()));
            statement.execute("SELECT 1");
        }
    }

    public boolean answers() {
        try {
            check(DEFAULT_TIMEOUT);
            return true;
        } catch (SQLException e) {
            return false;
        }
    }
}
