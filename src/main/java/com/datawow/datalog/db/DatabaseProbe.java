package com.datawow.datalog.db;

import javax.sql.DataSource;
import java.sql.Connection;
import java.sql.SQLException;

/** Whether the database answers right now: a connection that validates within a few seconds. */
public final class DatabaseProbe {

    private static final int TIMEOUT_SECONDS = 3;

    private final DataSource dataSource;

    public DatabaseProbe(DataSource dataSource) {
        this.dataSource = dataSource;
    }

    public boolean answers() {
        try (Connection connection = dataSource.getConnection()) {
            return connection.isValid(TIMEOUT_SECONDS);
        } catch (SQLException e) {
            return false;
        }
    }
}
