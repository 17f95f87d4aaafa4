package com.datawow.datalog.ops;

import com.datawow.datalog.config.Settings;

import java.util.Optional;

/**
 * Remote JMX: off unless {@code datalog.jmx.remote.port} is set; then a user and a password are
 * required. {@link #toString()} never shows the password.
 */
public record RemoteJmxSettings(String host, int port, String user, String password, boolean ssl) {

    public static final String PORT = "datalog.jmx.remote.port";
    public static final String HOST = "datalog.jmx.remote.host";
    public static final String USER = "datalog.jmx.remote.user";
    public static final String PASSWORD = "datalog.jmx.remote.password";
    public static final String SSL = "datalog.jmx.remote.ssl";

    public RemoteJmxSettings {
        if (port < 0 || port > 65_535) {
            throw new IllegalArgumentException(PORT + " must be a port number (0-65535), got " + port);
        }
        if (user == null || user.isBlank()) {
            throw new IllegalArgumentException("Remote JMX is on (" + PORT + ") but has no user: set " + USER
                    + " (" + Settings.environmentName(USER) + ")");
        }
        if (password == null || password.isBlank()) {
            throw new IllegalArgumentException("Remote JMX is on (" + PORT + ") but has no password: set " + PASSWORD
                    + " (" + Settings.environmentName(PASSWORD) + "); it never runs without one");
        }
    }

    /** Empty unless the port is configured. */
    public static Optional<RemoteJmxSettings> from(Settings settings) {
        if (settings.get(PORT).isEmpty()) {
            return Optional.empty();
        }
        return Optional.of(new RemoteJmxSettings(
                settings.get(HOST, "127.0.0.1"),
                settings.getInt(PORT, 0),
                settings.get(USER, ""),
                settings.get(PASSWORD, ""),
                settings.getBoolean(SSL, false)));
    }

    /** What jconsole and other clients connect to. */
    public String serviceUrl(int boundPort) {
        return "service:jmx:rmi:///jndi/rmi://" + host + ":" + boundPort + "/jmxrmi";
    }

    @Override
    public String toString() {
        return "RemoteJmxSettings[host=" + host + ", port=" + port + ", user=" + user + ", password=****, ssl=" + ssl + "]";
    }
}
