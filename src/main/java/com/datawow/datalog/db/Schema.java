package com.datawow.datalog.db;

import javax.sql.DataSource;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;

/** The warehouse DDL ({@code init-script/create_table.sql}, bundled in the jar). Idempotent. */
public final class Schema {

    static final String RESOURCE = "/init-script/create_table.sql";
    /** Serialises concurrent appliers (two daemons starting at once) without blocking other work. */
    private static final long ADVISORY_LOCK_KEY = 0x64617461_6c6f67L;

    private Schema() {
    }

    public static String ddl() {
        try (InputStream in = Schema.class.getResourceAsStream(RESOURCE)) {
            if (in == null) {
                throw new IllegalStateException("DDL resource " + RESOURCE + " is missing from the build");
            }
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new IllegalStateException("Cannot read " + RESOURCE, e);
        }
    }

    /** Creates whatever is missing of the schema, in one transaction. */
    public static void apply(DataSource dataSource) throws SQLException {
        try (Connection connection = dataSource.getConnection()) {
            boolean autoCommit = connection.getAutoCommit();
            connection.setAutoCommit(false);
            try {
                applyIn(connection);
                connection.commit();
            } catch (SQLException e) {
                connection.rollback();
                throw e;
            } finally {
                connection.setAutoCommit(autoCommit);
            }
        }
    }

    /** Creates whatever is missing of the schema in the connection's open transaction, which the caller ends. */
    public static void applyIn(Connection connection) throws SQLException {
        try (Statement statement = connection.createStatement()) {
            statement.execute("SELECT pg_advisory_xact_lock(" + ADVISORY_LOCK_KEY + ")");
            statement.execute(ddl());
        }
    }
}
