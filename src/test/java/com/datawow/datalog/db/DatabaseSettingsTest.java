package com.datawow.datalog.db;

import com.datawow.datalog.config.Settings;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** {@code datalog.db-connection-timeout-ms}: the file's 5000 by default, the environment's when set, never below HikariCP's 250. */
class DatabaseSettingsTest {

    @Test
    void theConnectionTimeoutIsTheFilesUnlessTheEnvironmentSaysOtherwise() {
        assertThat(DatabaseSettings.from(Settings.load(Settings.DEFAULT_FILE, Map.of(), Map.of())).connectionTimeout())
                .isEqualTo(Duration.ofSeconds(5));
        assertThat(DatabaseSettings.from(Settings.load(Settings.DEFAULT_FILE, Map.of("DATALOG_DB_CONNECTION_TIMEOUT_MS", "1500"), Map.of()))
                .connectionTimeout()).isEqualTo(Duration.ofMillis(1_500));
    }

    @Test
    void aConnectionTimeoutBelowHikarisBoundIsRefusedWithItsKey() {
        assertThatThrownBy(() -> DatabaseSettings.from(Settings.load(Settings.DEFAULT_FILE, Map.of(),
                Map.of(DatabaseSettings.CONNECTION_TIMEOUT_MS, "100"))))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("datalog.db-connection-timeout-ms");
    }
}
