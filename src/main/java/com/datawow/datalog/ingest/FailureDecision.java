package com.datawow.datalog.ingest;

import com.datawow.datalog.failure.FailureKind;

/**
 * What follows a failed attempt at loading a group: a pure decision from the kind of failure,
 * how many attempts have failed since the group last made progress, whether the database answers,
 * and whether the failure happened while a known file was being loaded.
 */
public enum FailureDecision {
    /** The file being loaded goes to the dead letter; the rest of the group is tried again at once. */
    REJECT_FILE,
    /** Another loader got there first, or the plan changed: try again at once. */
    RETRY_NOW,
    /** The database is away: back off, keep every file, try again for as long as it takes. */
    WAIT_FOR_DATABASE,
    /** Unexplained, the database answers: back off and try again, a few times. */
    RETRY_AFTER_BACKOFF,
    /** Still unexplained after those tries: one file per transaction, so that the culprit fails alone. */
    LOAD_ONE_FILE_AT_A_TIME;

    /**
     * @param failedAttempts      attempts failed since the group last made progress (this one included)
     * @param databaseAnswers     whether the database answers right now (asked only for unexplained failures)
     * @param filesPerAttempt     files the group's next attempt would take (1 once it narrowed down)
     * @param whileLoadingAFile   whether the failure happened while a file was being loaded (else: at the
     *                            group's start or end, which no single file is to blame for)
     * @param unexpectedAttempts  how many unexplained failures a group bears before it narrows down
     */
    public static FailureDecision after(FailureKind kind, int failedAttempts, boolean databaseAnswers, int filesPerAttempt,
                                        boolean whileLoadingAFile, int unexpectedAttempts) {
        FailureKind effective = kind == FailureKind.BAD_INPUT && !whileLoadingAFile ? FailureKind.UNEXPECTED : kind;
        return switch (effective) {
            case BAD_INPUT -> REJECT_FILE;
            case CONFLICT -> RETRY_NOW;
            case OUTAGE -> WAIT_FOR_DATABASE;
            case UNEXPECTED -> {
                if (!databaseAnswers) {
                    yield WAIT_FOR_DATABASE;   // whatever the exception says, a database that does not answer is an outage
                } else if (failedAttempts < unexpectedAttempts) {
                    yield RETRY_AFTER_BACKOFF;
                } else if (filesPerAttempt > 1) {
                    yield LOAD_ONE_FILE_AT_A_TIME;
                } else {
                    yield REJECT_FILE;
                }
            }
        };
    }
}
