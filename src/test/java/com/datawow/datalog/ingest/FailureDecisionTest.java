package com.datawow.datalog.ingest;

import org.junit.jupiter.api.Test;

import static com.datawow.datalog.failure.FailureKind.BAD_INPUT;
import static com.datawow.datalog.failure.FailureKind.CONFLICT;
import static com.datawow.datalog.failure.FailureKind.OUTAGE;
import static com.datawow.datalog.failure.FailureKind.UNEXPECTED;
import static com.datawow.datalog.ingest.FailureDecision.LOAD_ONE_FILE_AT_A_TIME;
import static com.datawow.datalog.ingest.FailureDecision.REJECT_FILE;
import static com.datawow.datalog.ingest.FailureDecision.RETRY_AFTER_BACKOFF;
import static com.datawow.datalog.ingest.FailureDecision.RETRY_NOW;
import static com.datawow.datalog.ingest.FailureDecision.WAIT_FOR_DATABASE;
import static org.assertj.core.api.Assertions.assertThat;

/** What follows a failed attempt, decided from the failure alone: no database, no files. */
class FailureDecisionTest {

    private static final int TRIES = 3;

    @Test
    void aBadFileIsRejectedAtOnceWhateverTheAttempt() {
        assertThat(FailureDecision.after(BAD_INPUT, 1, true, 50, true, TRIES)).isEqualTo(REJECT_FILE);
        assertThat(FailureDecision.after(BAD_INPUT, 1, true, 1, true, TRIES)).isEqualTo(REJECT_FILE);
    }

    @Test
    void badInputNoFileIsToBlameForIsTreatedAsUnexplained() {
        assertThat(FailureDecision.after(BAD_INPUT, 1, true, 5, false, TRIES)).isEqualTo(RETRY_AFTER_BACKOFF);
    }

    @Test
    void anOutageIsWaitedOutForAsLongAsItTakes() {
        assertThat(FailureDecision.after(OUTAGE, 1, false, 5, true, TRIES)).isEqualTo(WAIT_FOR_DATABASE);
        assertThat(FailureDecision.after(OUTAGE, 1_000, false, 1, true, TRIES)).isEqualTo(WAIT_FOR_DATABASE);
    }

    @Test
    void aConflictIsTriedAgainAtOnce() {
        assertThat(FailureDecision.after(CONFLICT, 7, true, 5, true, TRIES)).isEqualTo(RETRY_NOW);
    }

    @Test
    void anUnexplainedFailureWhileTheDatabaseIsAwayIsAnOutage() {
        assertThat(FailureDecision.after(UNEXPECTED, TRIES + 5, false, 1, true, TRIES)).isEqualTo(WAIT_FOR_DATABASE);
    }

    @Test
    void anUnexplainedFailureIsTriedAFewTimesThenNarrowedToOneFileThenRejected() {
        assertThat(FailureDecision.after(UNEXPECTED, 1, true, 10, true, TRIES)).isEqualTo(RETRY_AFTER_BACKOFF);
        assertThat(FailureDecision.after(UNEXPECTED, TRIES - 1, true, 10, true, TRIES)).isEqualTo(RETRY_AFTER_BACKOFF);
        assertThat(FailureDecision.after(UNEXPECTED, TRIES, true, 10, true, TRIES)).isEqualTo(LOAD_ONE_FILE_AT_A_TIME);
        assertThat(FailureDecision.after(UNEXPECTED, TRIES, true, 1, true, TRIES)).isEqualTo(REJECT_FILE);
    }

    @Test
    void theNumberOfTriesIsASetting() {
        assertThat(FailureDecision.after(UNEXPECTED, 5, true, 1, true, 6)).isEqualTo(RETRY_AFTER_BACKOFF);
        assertThat(FailureDecision.after(UNEXPECTED, 1, true, 1, true, 1)).isEqualTo(REJECT_FILE);
    }
}
