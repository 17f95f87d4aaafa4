package com.datawow.datalog.ingest;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import static org.assertj.core.api.Assertions.assertThat;

/** The fields of NAME.rejected.csv: RFC 4180, a null value empty, an empty value quoted. */
class RejectedRowsFileTest {

    @ParameterizedTest(name = "[{0}] -> [{1}]")
    @CsvSource(delimiter = '|', nullValues = "NULL", value = {
            "plain          | plain",
            "NULL           | ''",
            "''             | '\"\"'",
            "a,b            | '\"a,b\"'",
            "say \"hi\"     | '\"say \"\"hi\"\"\"'",
            "' padded'      | '\" padded\"'"})
    void quotesAFieldOnlyWhenItMust(String value, String field) {
        assertThat(RejectedRowsFile.field(value)).isEqualTo(field);
    }
}
