package com.datawow.datalog.ingest;

import org.junit.jupiter.api.Test;

import java.time.Instant;
import java.util.OptionalLong;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class RejectionReasonTest {

    private static final RejectionReason NULL_VALUE = new RejectionReason("2023-01-01 00:07:00.parquet",
            Instant.parse("2026-12-01T10:15:30.123Z"), "row", OptionalLong.of(201),
            "2023-01-01 00:07:00.parquet: row 201: sensor_serial is null", 12_345, "ab12");

    @Test
    void aReasonIsWrittenAsOneKeyValueLineEachForPeople() {
        assertThat(NULL_VALUE.text()).isEqualTo("""
                file: 2023-01-01 00:07:00.parquet
                rejected at: 2026-12-01T10:15:30.123Z
                kind: row
                row: 201
                reason: 2023-01-01 00:07:00.parquet: row 201: sensor_serial is null
                size: 12345 bytes
                sha256: ab12
                """);
    }

    @Test
    void aWrittenReasonReadsBackTheSameWithOrWithoutARow() {
        RejectionReason withoutRow = new RejectionReason("x.parquet", Instant.EPOCH, "unreadable", OptionalLong.empty(), "x.parquet: not Parquet", 0, "e3b0");

        assertThat(RejectionReason.parse(NULL_VALUE.text())).isEqualTo(NULL_VALUE);
        assertThat(RejectionReason.parse(withoutRow.text())).isEqualTo(withoutRow);
    }

    @Test
    void aReasonOverSeveralLinesKeepsThemEvenWhenOneLooksLikeAKey() {
        RejectionReason multiLine = new RejectionReason("y.parquet", Instant.EPOCH, "rejected-by-database", OptionalLong.empty(),
                "y.parquet: the database rejected a value: ERROR: invalid byte sequence\n  Detail: row: 3\nfile: y.parquet", 10, "ff");

        assertThat(RejectionReason.parse(multiLine.text())).isEqualTo(multiLine);
    }

    @Test
    void textThatIsNotAReasonIsRefusedWithWhatIsMissing() {
        assertThatThrownBy(() -> RejectionReason.parse("file: a.parquet\nkind: row\n"))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("'rejected at:'");
    }
}
