package com.datawow.datalog.ops;

import javax.management.remote.JMXAuthenticator;
import javax.management.remote.JMXPrincipal;
import javax.security.auth.Subject;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.util.Set;

/** Remote JMX log-in: one configured user and password; anything else is refused. */
final class PasswordAuthenticator implements JMXAuthenticator {

    private final String user;
    private final byte[] password;

    PasswordAuthenticator(String user, String password) {
        this.user = user;
        this.password = password.getBytes(StandardCharsets.UTF_8);
    }

    @Override
    public Subject authenticate(Object credentials) {
        if (!(credentials instanceof String[] pair) || pair.length != 2 || pair[0] == null || pair[1] == null) {
            throw new SecurityException("Credentials required: a user name and a password");
        }
        // constant-time comparisons, both evaluated, so timing tells nothing about which part was wrong
        boolean userMatches = MessageDigest.isEqual(user.getBytes(StandardCharsets.UTF_8), pair[0].getBytes(StandardCharsets.UTF_8));
        boolean passwordMatches = MessageDigest.isEqual(password, pair[1].getBytes(StandardCharsets.UTF_8));
        if (!(userMatches & passwordMatches)) {
            throw new SecurityException("Invalid user name or password");
        }
        return new Subject(true, Set.of(new JMXPrincipal(user)), Set.of(), Set.of());
    }
}
