package com.datawow.datalog.db;

/**
 * A PostgreSQL JDBC URL taken apart ({@code jdbc:postgresql://HOST[:PORT][,...]/DATABASE[?PARAMETERS]}) and put
 * back together with another database or server: the one place the loader, its tools and its tests
 * build such URLs.
 */
public record JdbcUrl(String hosts, String database, String parameters) {

    private static final String PREFIX = "jdbc:postgresql://";
    private static final int DEFAULT_PORT = 5432;

    public static JdbcUrl parse(String url) {
        if (url == null || !url.startsWith(PREFIX)) {
            throw new IllegalArgumentException("Expected a jdbc:postgresql://HOST[:PORT]/DATABASE URL, got " + url);
        }
        String rest = url.substring(PREFIX.length());
        int query = rest.indexOf('?');
        String parameters = query < 0 ? "" : rest.substring(query);
        String address = query < 0 ? rest : rest.substring(0, query);
        int slash = address.indexOf('/');
        return slash < 0 ? new JdbcUrl(address, "", parameters)
                : new JdbcUrl(address.substring(0, slash), address.substring(slash + 1), parameters);
    }

    public static JdbcUrl of(String host, int port, String database) {
        return new JdbcUrl(host + ":" + port, database, "");
    }

    public JdbcUrl withDatabase(String name) {
        return new JdbcUrl(hosts, name, parameters);
    }

    public JdbcUrl withServer(String host, int port) {
        return new JdbcUrl(host + ":" + port, database, parameters);
    }

    /** The (first) server's host. */
    public String host() {
        String first = hosts.split(",")[0];
        int colon = first.lastIndexOf(':');
        return colon < 0 || first.endsWith("]") ? first : first.substring(0, colon);
    }

    /** The (first) server's port, 5432 when not given. */
    public int port() {
        String first = hosts.split(",")[0];
        int colon = first.lastIndexOf(':');
        return colon < 0 || first.endsWith("]") ? DEFAULT_PORT : Integer.parseInt(first.substring(colon + 1));
    }

    @Override
    public String toString() {
        return PREFIX + hosts + "/" + database + parameters;
    }
}
