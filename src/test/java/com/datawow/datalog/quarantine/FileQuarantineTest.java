package com.datawow.datalog.quarantine;

import com.datawow.datalog.failure.BadInputException;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** One file's quarantine: rows set aside up to its limit, handed out to be written, counted per attempt. */
class FileQuarantineTest {

    private final FileQuarantine quarantine = new FileQuarantine("f.parquet", 300, BadRowLimit.parse("1%"));

    @Test
    void setsRowsAsideInsteadOfRejectingTheFileAndHandsEachOutOnce() {
        quarantine.found(row(7), () -> { throw new AssertionError("the file must not be rejected"); });
        quarantine.setAside(row(9));

        assertThat(quarantine.takeUnwritten()).extracting(RejectedRow::row).containsExactly(7L, 9L);
        assertThat(quarantine.takeUnwritten()).isEmpty();
        assertThat(quarantine.rowsSetAside()).isEqualTo(2);
        assertThat(quarantine.setsRowsAside()).isTrue();
    }

    @Test
    void oneBadRowMoreThanTheLimitRejectsTheFileNamingThatRow() {
        quarantine.setAside(row(1));
        quarantine.setAside(row(2));
        quarantine.setAside(row(3));

        assertThatThrownBy(() -> quarantine.setAside(row(4)))
                .isInstanceOf(TooManyBadRowsException.class)
                .hasMessage("f.parquet: 4 bad rows, more than datalog.bad-rows.max-per-file allows (1% of 300 rows: 3); row 4: sensor_serial is null")
                .satisfies(e -> assertThat(((BadInputException) e).row()).hasValue(4))
                .satisfies(e -> assertThat(((BadInputException) e).kind()).isEqualTo("too-many-bad-rows"));
    }

    @Test
    void aNewAttemptCountsAgainButRemembersTheBatchesPostgresRefused() {
        quarantine.setAside(row(1));
        quarantine.refused(101);

        quarantine.resetAttempt();

        assertThat(quarantine.rowsSetAside()).isZero();
        assertThat(quarantine.takeUnwritten()).isEmpty();
        assertThat(quarantine.wasRefused(101)).isTrue();
        assertThat(quarantine.wasRefused(1)).isFalse();
    }

    @Test
    void rejectFileModeThrowsTheRulesOwnRejection() {
        BadInputException rejection = new TooManyBadRowsException("f.parquet", row(1), 1, 300, BadRowLimit.parse("0"));

        assertThatThrownBy(() -> BadRows.REJECT_FILE.found(row(1), () -> rejection)).isSameAs(rejection);
        assertThat(BadRows.REJECT_FILE.setsRowsAside()).isFalse();
    }

    @Test
    void valuesKeepNullsAndWriteANulCharacterAsText() {
        RowValues values = new RowValues(null, "a\u0000b", "2023-01-01 00:00:00", "", null);

        assertThat(values.inFileOrder()).containsExactly(null, "a\\u0000b", "2023-01-01 00:00:00", "", null);
    }

    private static RejectedRow row(long number) {
        return new RejectedRow(number, RowRule.NULL_VALUE, "sensor_serial is null", new RowValues("d", null, "2023-01-01 00:00:00", "p", "2023-03-30 00:00:00"));
    }
}
