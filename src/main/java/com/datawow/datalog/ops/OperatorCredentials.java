package com.datawow.datalog.ops;

import com.datawow.datalog.config.Settings;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.util.Optional;

/**
 * The operator's user name and password: what remote JMX and the console's actions ask for.
 * {@code datalog.console.user} / {@code .password}; when neither is set, the remote JMX ones
 * ({@code datalog.jmx.remote.user} / {@code .password}), so one operator identity serves both.
 * {@link #toString()} never shows the password.
 */
public record OperatorCredentials(String user, String password) {

    public static final String USER = "datalog.console.user";
    public static final String PASSWORD = "datalog.console.password";

    public OperatorCredentials {
        if (user == null || user.isBlank() || password == null || password.isBlank()) {
            throw new IllegalArgumentException("Operator credentials need a user and a password");
        }
    }

    /** The console's own pair, else the remote JMX pair, else none. */
    public static Optional<OperatorCredentials> from(Settings settings) {
        Optional<String> user = settings.get(USER);
        Optional<String> password = settings.get(PASSWORD);
        if (user.isPresent() != password.isPresent()) {
            throw new IllegalArgumentException("Set both " + USER + " and " + PASSWORD + " (" + Settings.environmentName(USER) + ", "
                    + Settings.environmentName(PASSWORD) + "), or neither to use the remote JMX user and password");
        }
        if (user.isPresent()) {
            return Optional.of(new OperatorCredentials(user.get(), password.get()));
        }
        Optional<String> jmxUser = settings.get(RemoteJmxSettings.USER);
        Optional<String> jmxPassword = settings.get(RemoteJmxSettings.PASSWORD);
        return jmxUser.isPresent() && jmxPassword.isPresent()
                ? Optional.of(new OperatorCredentials(jmxUser.get(), jmxPassword.get()))
                : Optional.empty();
    }

    /** Whether a log-in is this operator; both parts are compared in full, so timing tells nothing about which was wrong. */
    public boolean matches(String givenUser, String givenPassword) {
        boolean userMatches = MessageDigest.isEqual(bytes(user), bytes(givenUser));
        boolean passwordMatches = MessageDigest.isEqual(bytes(password), bytes(givenPassword));
        return userMatches & passwordMatches;
    }

    private static byte[] bytes(String text) {
        return text.getBytes(StandardCharsets.UTF_8);
    }

    @Override
    public String toString() {
        return "OperatorCredentials[user=" + user + ", password=****]";
    }
}
