package com.datawow.datalog.failure;

import org.springframework.dao.DataAccessResourceFailureException;
import org.springframework.dao.RecoverableDataAccessException;
import org.springframework.dao.TransientDataAccessException;
import org.springframework.transaction.CannotCreateTransactionException;
import org.springframework.transaction.TransactionSystemException;

import java.net.ConnectException;
import java.net.SocketException;
import java.net.SocketTimeoutException;
import java.sql.SQLException;
import java.sql.SQLRecoverableException;
import java.sql.SQLTransientException;
import java.util.Set;

/**
 * Decides whether a failure is bad input, a database outage, or unexpected, from the exception
 * and its causes. Database faults are recognised by SQLSTATE class: an outage must never move a
 * good file aside, so connection-level classes (08, 53, 57, 58) and concurrency conflicts (40,
 * and a unique violation on the ledger, which is another loader claiming the same file) are
 * transient; a data exception (22, e.g. a NUL byte in a text value) is the input's fault.
 */
public final class FailureClassifier {

    private static final Set<String> TRANSIENT_SQLSTATE_CLASSES = Set.of("08", "40", "53", "55", "57", "58", "XX");
    private static final String UNIQUE_VIOLATION = "23505";
    private static final String DATA_EXCEPTION_CLASS = "22";

    public FailureKind classify(Throwable failure) {
        for (Throwable cause : Causes.of(failure)) {
            if (cause instanceof BadInputException) {
                return FailureKind.BAD_INPUT;
            }
            if (isTransientType(cause)) {
                return FailureKind.TRANSIENT;
            }
            if (cause instanceof SQLException sql && sql.getSQLState() != null) {
                String state = sql.getSQLState();
                if (state.length() >= 2 && TRANSIENT_SQLSTATE_CLASSES.contains(state.substring(0, 2)) || UNIQUE_VIOLATION.equals(state)) {
                    return FailureKind.TRANSIENT;
                }
                if (state.startsWith(DATA_EXCEPTION_CLASS)) {
                    return FailureKind.BAD_INPUT;
                }
            }
        }
        return FailureKind.UNEXPECTED;
    }

    private static boolean isTransientType(Throwable cause) {
        return cause instanceof SQLTransientException
                || cause instanceof SQLRecoverableException
                || cause instanceof CannotCreateTransactionException
                // a commit or rollback that fails has lost its connection (and hides the first failure)
                || cause instanceof TransactionSystemException
                || cause instanceof TransientDataAccessException
                || cause instanceof RecoverableDataAccessException
                || cause instanceof DataAccessResourceFailureException
                || cause instanceof ConnectException
                || cause instanceof SocketTimeoutException
                || cause instanceof SocketException;
    }
}
