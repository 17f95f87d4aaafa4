package com.datawow.datalog.tools.bench;

import com.datawow.datalog.db.JdbcUrl;
import org.postgresql.ds.PGSimpleDataSource;

import javax.sql.DataSource;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.Properties;

/**
 * The server the bench runs on, reached through the URL of any database on it: creates and drops the
 * bench's databases and connects to them.
 */
public final class PostgresServer {

    private final JdbcUrl adminUrl;
    private final String user;
    private final String password;

    public PostgresServer(String adminUrl, String user, String password) {
        this.adminUrl = JdbcUrl.parse(adminUrl);
        this.user = user;
        this.password = password == null ? "" : password;
    }

    public String user() {
        return user;
    }

    public String password() {
        return password;
    }

    /** The same server and URL parameters, database {@code name}. */
    public String urlOf(DatabaseName name) {
        return adminUrl.withDatabase(name.value()).toString();
    }

    public Connection connectAdmin() throws SQLException {
        return connect(adminUrl.toString());
    }

    public Connection connect(DatabaseName name) throws SQLException {
        return connect(urlOf(name));
    }

    /** A (non-pooling) data source for database {@code name}. */
    public DataSource dataSource(DatabaseName name) {
        PGSimpleDataSource dataSource = new PGSimpleDataSource();
        dataSource.setURL(urlOf(name));
        dataSource.setUser(user);
        dataSource.setPassword(password);
        return dataSource;
    }

    public void create(DatabaseName name) throws SQLException {
        try (Connection admin = connectAdmin(); Statement statement = admin.createStatement()) {
            statement.execute("CREATE DATABASE " + name.value());
        }
    }

    public void dropIfExists(DatabaseName name) throws SQLException {
        try (Connection admin = connectAdmin(); Statement statement = admin.createStatement()) {
            statement.execute("DROP DATABASE IF EXISTS " + name.value() + " WITH (FORCE)");
        }
    }

    /** {@code SHOW server_version}, e.g. "15.14 (Debian 15.14-0+deb12u1)". */
    public String version() throws SQLException {
        try (Connection admin = connectAdmin(); Statement statement = admin.createStatement();
             ResultSet result = statement.executeQuery("SHOW server_version")) {
            result.next();
            return result.getString(1);
        }
    }

    private Connection connect(String url) throws SQLException {
        Properties properties = new Properties();
        properties.setProperty("user", user);
        properties.setProperty("password", password);
        properties.setProperty("connectTimeout", "10");
        return DriverManager.getConnection(url, properties);
    }
}
