package com.datawow.datalog.quarantine;

import com.datawow.datalog.config.Settings;
import org.junit.jupiter.api.Test;

import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** datalog.bad-rows and its limit, layered like every setting: option > environment > file. */
class BadRowSettingsTest {

    @Test
    void theShippedFileRejectsFilesWithoutLimit() {
        BadRowSettings settings = BadRowSettings.from(Settings.load(null, Map.of(), Map.of()));

        assertThat(settings).isEqualTo(BadRowSettings.REJECT_FILE);
        assertThat(settings.quarantines()).isFalse();
    }

    @Test
    void theEnvironmentChoosesQuarantineAndItsLimitAndAnOptionWinsOverIt() {
        Map<String, String> environment = Map.of("DATALOG_BAD_ROWS", "quarantine", "DATALOG_BAD_ROWS_MAX_PER_FILE", "2%");

        BadRowSettings fromEnvironment = BadRowSettings.from(Settings.load(null, environment, Map.of()));
        BadRowSettings fromOption = BadRowSettings.from(Settings.load(null, environment, Map.of(BadRowSettings.BAD_ROWS, "reject-file")));

        assertThat(fromEnvironment.quarantines()).isTrue();
        assertThat(fromEnvironment.limit().maxFor(1_000)).isEqualTo(20);
        assertThat(fromOption.mode()).isEqualTo(BadRowMode.REJECT_FILE);
    }

    @Test
    void anUnknownModeIsRefusedWithTheChoices() {
        assertThatThrownBy(() -> BadRowSettings.from(Settings.load(null, Map.of("DATALOG_BAD_ROWS", "skip"), Map.of())))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("datalog.bad-rows must be one of reject-file, quarantine, got 'skip'");
    }
}
