package com.datawow.datalog.ops;

import javax.management.remote.JMXAuthenticator;
import javax.management.remote.JMXPrincipal;
import javax.security.auth.Subject;
import java.util.Set;

/** Remote JMX log-in: the operator's user and password; anything else is refused. */
final class PasswordAuthenticator implements JMXAuthenticator {

    private final OperatorCredentials operator;

    PasswordAuthenticator(OperatorCredentials operator) {
        this.operator = operator;
    }

    @Override
    public Subject authenticate(Object credentials) {
        if (!(credentials instanceof String[] pair) || pair.length != 2 || pair[0] == null || pair[1] == null) {
            throw new SecurityException("Credentials required: a user name and a password");
        }
        if (!operator.matches(pair[0], pair[1])) {
            throw new SecurityException("Invalid user name or password");
        }
        return new Subject(true, Set.of(new JMXPrincipal(operator.user())), Set.of(), Set.of());
    }
}
