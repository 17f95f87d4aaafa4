package com.datawow.datalog.failure;

import org.springframework.dao.DataAccessResourceFailureException;
import org.springframework.dao.RecoverableDataAccessException;
import org.springframework.dao.ConcurrencyFailureException;
import org.springframework.dao.QueryTimeoutException;
import org.springframework.dao.TransientDataAccessResourceException;
import org.springframework.transaction.CannotCreateTransactionException;
import org.springframework.transaction.TransactionSystemException;

import java.net.ConnectException;
import java.net.SocketException;
import java.net.SocketTimeoutException;
import java.sql.SQLException;
import java.sql.SQLRecoverableException;
import java.sql.SQLTimeoutException;
import java.sql.SQLTransactionRollbackException;
import java.sql.SQLTransientConnectionException;
import java.util.Set;

/**
 * Decides what kind of failure an exception is, from the exception and its causes (the outermost
 * that says something decides). Database faults are recognised by SQLSTATE: an outage must never
 * move a good file aside, so these classes are an outage: 08 (connection), 53 (insufficient
 * resources), 55 (object not in prerequisite state, e.g. a lock not available), 57 (operator
 * intervention: shutdown, terminated session), 58 (system error) and XX (internal error). Class 40
 * (serialization failure, deadlock) and 23505 (a unique violation: another loader claimed the same
 * file or name) are conflicts, resolved by trying again. Class 22 (data exception, e.g. a NUL byte
 * in a text value) and 23514 (a CHECK constraint refuses a value; the only check of the loader's
 * own, a new day's table's range, is kept in Java before any row is written) are the input's
 * fault. JDBC and Spring exception types that mean a lost or unobtainable connection are an outage too.
 */
public final class FailureClassifier {

    private static final Set<String> OUTAGE_SQLSTATE_CLASSES = Set.of("08", "53", "55", "57", "58", "XX");
    private static final String CONFLICT_SQLSTATE_CLASS = "40";
    private static final String UNIQUE_VIOLATION = "23505";
    private static final String CHECK_VIOLATION = "23514";
    private static final String DATA_EXCEPTION_CLASS = "22";

    public FailureKind classify(Throwable failure) {
        for (Throwable cause : Causes.of(failure)) {
            if (cause instanceof BadInputException) {
                return FailureKind.BAD_INPUT;
            }
            if (cause instanceof ConflictException || cause instanceof SQLTransactionRollbackException
                    || cause instanceof ConcurrencyFailureException) {
                return FailureKind.CONFLICT;
            }
            if (isLostConnection(cause)) {
                return FailureKind.OUTAGE;
            }
            if (cause instanceof SQLException sql && sql.getSQLState() != null && sql.getSQLState().length() >= 2) {
                String state = sql.getSQLState();
                String stateClass = state.substring(0, 2);
                if (OUTAGE_SQLSTATE_CLASSES.contains(stateClass)) {
                    return FailureKind.OUTAGE;
                }
                if (CONFLICT_SQLSTATE_CLASS.equals(stateClass) || UNIQUE_VIOLATION.equals(state)) {
                    return FailureKind.CONFLICT;
                }
                if (DATA_EXCEPTION_CLASS.equals(stateClass) || CHECK_VIOLATION.equals(state)) {
                    return FailureKind.BAD_INPUT;
                }
            }
        }
        return FailureKind.UNEXPECTED;
    }

    private static boolean isLostConnection(Throwable cause) {
        return cause instanceof SQLTransientConnectionException
                || cause instanceof SQLTimeoutException
                || cause instanceof SQLRecoverableException
                || cause instanceof CannotCreateTransactionException
                // a commit or rollback that fails has lost its connection (and hides the first failure)
                || cause instanceof TransactionSystemException
                || cause instanceof TransientDataAccessResourceException
                || cause instanceof QueryTimeoutException
                || cause instanceof RecoverableDataAccessException
                || cause instanceof DataAccessResourceFailureException
                || cause instanceof ConnectException
                || cause instanceof SocketTimeoutException
                || cause instanceof SocketException;
    }
}
