package com.datawow.datalog.ops;

import com.datawow.datalog.config.Settings;
import org.junit.jupiter.api.Test;

import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class OperatorCredentialsTest {

    @Test
    void theConsolesOwnPairComesFirstThenTheRemoteJmxPairThenNone() {
        Map<String, String> jmx = Map.of(RemoteJmxSettings.USER, "jmx-user", RemoteJmxSettings.PASSWORD, "jmx-pw");

        assertThat(OperatorCredentials.from(settings(Map.of("DATALOG_CONSOLE_USER", "ops", "DATALOG_CONSOLE_PASSWORD", "pw"), jmx)))
                .contains(new OperatorCredentials("ops", "pw"));
        assertThat(OperatorCredentials.from(settings(Map.of(), jmx))).contains(new OperatorCredentials("jmx-user", "jmx-pw"));
        assertThat(OperatorCredentials.from(settings(Map.of(), Map.of()))).isEmpty();
    }

    @Test
    void halfAPairIsAMistakeNamedAsSuch() {
        assertThatThrownBy(() -> OperatorCredentials.from(settings(Map.of("DATALOG_CONSOLE_USER", "ops"), Map.of())))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("DATALOG_CONSOLE_PASSWORD");
    }

    @Test
    void onlyTheExactUserAndPasswordMatchAndThePasswordIsNeverShown() {
        OperatorCredentials operator = new OperatorCredentials("ops", "pw");

        assertThat(operator.matches("ops", "pw")).isTrue();
        assertThat(operator.matches("ops", "pw ")).isFalse();
        assertThat(operator.matches("Ops", "pw")).isFalse();
        assertThat(operator).hasToString("OperatorCredentials[user=ops, password=****]");
    }

    private static Settings settings(Map<String, String> environment, Map<String, String> options) {
        return Settings.load(null, environment, options);
    }
}
