package com.datawow.datalog.failure;

import org.apache.camel.RuntimeCamelException;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.springframework.dao.DataIntegrityViolationException;
import org.springframework.transaction.CannotCreateTransactionException;
import org.springframework.transaction.TransactionSystemException;

import java.net.ConnectException;
import java.sql.SQLException;
import java.sql.SQLTransientConnectionException;

import static org.assertj.core.api.Assertions.assertThat;

/** An outage must never be taken for bad input: that would move a good file aside. */
class FailureClassifierTest {

    private final FailureClassifier classifier = new FailureClassifier();

    @Test
    void badInputIsFoundHoweverDeeplyItIsWrapped() {
        Throwable wrapped = new RuntimeCamelException(new IllegalStateException(new InvalidRowException("f.parquet", 7, "product_name", "is null")));

        assertThat(classifier.classify(wrapped)).isEqualTo(FailureKind.BAD_INPUT);
    }

    @ParameterizedTest(name = "SQLSTATE {0} -> {1}")
    @CsvSource({
            "08006, OUTAGE",      // connection failure
            "57P01, OUTAGE",      // terminated by an administrator
            "53300, OUTAGE",      // too many connections
            "55P03, OUTAGE",      // a lock not available
            "XX000, OUTAGE",      // an internal error of the server
            "40P01, CONFLICT",    // deadlock
            "40001, CONFLICT",    // serialization failure
            "23505, CONFLICT",    // another loader claimed the same file first
            "22021, BAD_INPUT",   // a value the database cannot store (NUL byte)
            "23514, BAD_INPUT",   // a CHECK constraint refuses a value
            "23503, UNEXPECTED",  // a foreign key: the loader's ids, not the file's values
            "42P01, UNEXPECTED"}) // a missing table: neither the file's fault nor an outage
    void databaseErrorsAreClassifiedBySqlState(String sqlState, FailureKind expected) {
        Throwable failure = new DataIntegrityViolationException("insert failed", new SQLException("boom", sqlState));

        assertThat(classifier.classify(failure)).isEqualTo(expected);
    }

    @Test
    void aFailedRollbackHidingTheFirstErrorIsAnOutage() {
        Throwable failure = new TransactionSystemException("JDBC rollback failed", new SQLException("This connection has been closed."));

        assertThat(classifier.classify(failure)).isEqualTo(FailureKind.OUTAGE);
    }

    @Test
    void noConnectionAtAllIsAnOutage() {
        assertThat(classifier.classify(new CannotCreateTransactionException("no connection",
                new SQLTransientConnectionException("pool timed out")))).isEqualTo(FailureKind.OUTAGE);
        assertThat(classifier.classify(new RuntimeException(new ConnectException("refused")))).isEqualTo(FailureKind.OUTAGE);
    }

    @Test
    void aConflictOfOurOwnIsRetriedAtOnce() {
        assertThat(classifier.classify(new RuntimeCamelException(new ConflictException("another loader was first"))))
                .isEqualTo(FailureKind.CONFLICT);
    }

    @Test
    void anythingElseIsUnexpected() {
        assertThat(classifier.classify(new NullPointerException())).isEqualTo(FailureKind.UNEXPECTED);
    }
}
