package com.datawow.datalog.ingest;

import com.datawow.datalog.failure.FailureKind;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import static org.assertj.core.api.Assertions.assertThat;

/** What follows a failed attempt, decided from the failure alone: no database, no files. */
class FailureDecisionTest {

    @ParameterizedTest(name = "{0}: {1} after {2} failed attempt(s) -> {7}")
    @CsvSource(textBlock = """
            # case,                                           kind,       failed attempts, database answers, files per attempt, while loading a file, tries, decision
            a bad file is rejected at once whatever the attempt, BAD_INPUT,  1,     true,  50, true,  3, REJECT_FILE
            a bad file is rejected at once whatever the attempt, BAD_INPUT,  1,     true,  1,  true,  3, REJECT_FILE
            bad input no file is to blame for is unexplained,    BAD_INPUT,  1,     true,  5,  false, 3, RETRY_AFTER_BACKOFF
            an outage is waited out for as long as it takes,     OUTAGE,     1,     false, 5,  true,  3, WAIT_FOR_DATABASE
            an outage is waited out for as long as it takes,     OUTAGE,     1000,  false, 1,  true,  3, WAIT_FOR_DATABASE
            a conflict is tried again at once,                   CONFLICT,   7,     true,  5,  true,  3, RETRY_NOW
            unexplained while the database is away is an outage, UNEXPECTED, 8,     false, 1,  true,  3, WAIT_FOR_DATABASE
            unexplained is tried a few times,                    UNEXPECTED, 1,     true,  10, true,  3, RETRY_AFTER_BACKOFF
            unexplained is tried a few times,                    UNEXPECTED, 2,     true,  10, true,  3, RETRY_AFTER_BACKOFF
            unexplained is then narrowed to one file,            UNEXPECTED, 3,     true,  10, true,  3, LOAD_ONE_FILE_AT_A_TIME
            unexplained with one file is then rejected,          UNEXPECTED, 3,     true,  1,  true,  3, REJECT_FILE
            the number of tries is a setting,                    UNEXPECTED, 5,     true,  1,  true,  6, RETRY_AFTER_BACKOFF
            the number of tries is a setting,                    UNEXPECTED, 1,     true,  1,  true,  1, REJECT_FILE
            """)
    void decidesFromTheFailureAlone(String situation, FailureKind kind, int failedAttempts, boolean databaseAnswers, int filesPerAttempt,
                                    boolean whileLoadingAFile, int tries, FailureDecision expected) {
        assertThat(FailureDecision.after(kind, failedAttempts, databaseAnswers, filesPerAttempt, whileLoadingAFile, tries))
                .as(situation).isEqualTo(expected);
    }
}
