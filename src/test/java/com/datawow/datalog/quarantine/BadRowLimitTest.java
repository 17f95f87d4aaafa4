package com.datawow.datalog.quarantine;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** datalog.bad-rows.max-per-file: a count, or a percentage of the file's rows rounded down to whole rows. */
class BadRowLimitTest {

    @ParameterizedTest(name = "{0} of {1} rows allows {2}")
    @CsvSource({
            "10,    1914, 10",
            "0,     1914, 0",
            "1%,    1914, 19",      // 19.14 rows: a 20th bad row is over
            "0.5%,  1914, 9",
            "1 %,   300,  3",
            "100%,  300,  300",
            "0%,    300,  0",
            "1%,    0,    0"})
    void allowsThatManyBadRowsInAFile(String setting, long fileRows, long allowed) {
        assertThat(BadRowLimit.parse(setting).maxFor(fileRows)).isEqualTo(allowed);
    }

    @ParameterizedTest
    @ValueSource(strings = {"ten", "-1", "101%", "-1%", "1.5", "%", ""})
    void anythingElseIsRefusedNamingTheSetting(String setting) {
        assertThatThrownBy(() -> BadRowLimit.parse(setting))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("datalog.bad-rows.max-per-file")
                .hasMessageContaining("'" + setting + "'");
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {"1% | 1% of 1,914 rows: 19", "10 | 10 rows"})
    void describesItselfForAFile(String setting, String description) {
        assertThat(BadRowLimit.parse(setting).describe(1_914)).isEqualTo(description);
    }
}
