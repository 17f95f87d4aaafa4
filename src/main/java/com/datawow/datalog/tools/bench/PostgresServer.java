package com.datawow.datalog.tools.bench;

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

    private static final String PREFIX = "jdbc:postgresql://";

    private final String adminUrl;
    private final String user;
    private final String password;

    public PostgresServer(String adminUrl, String user, String password) {
        if (adminUrl == null || !adminUrl.startsWith(PREFIX)) {
            throw new IllegalArgumentException("Expected a jdbc:postgresql://HOST[:PORT]/DATABASE URL, got " + adminUrl);
        }
        this.adminUrl = adminUrl;
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
        int hostStart = PREFIX.length();
        int query = adminUrl.indexOf('?', hostStart);
        String base = query < 0 ? adminUrl : adminUrl.substring(0, query);
        String parameters = query < 0 ? "" : adminUrl.substring(query);
        int slash = base.indexOf('/', hostStart);
        String hosts = slash < 0 ? base : base.substring(0, slash);
        return hosts + "/" + name.value() + parameters;
    }

    public Connection connectAdmin() throws SQLException {
        return connect(adminUrl);
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
