package com.datawow.datalog.cli;

import com.datawow.datalog.testing.InstalledJavas;
import com.datawow.datalog.testing.UserCommand;
import com.datawow.datalog.testing.UserCommand.Finished;
import org.junit.jupiter.api.Test;

import java.nio.file.Path;
import java.time.Duration;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

/** {@code java -jar target/datalog-loader.jar} typed on a machine whose {@code java} is older than 21. */
class OldJavaIT {

    @Test
    void anOldJavaSaysInOneLineWhatItNeedsWhatItIsAndHowToStartAnotherAndExitsWithTwo() throws Exception {
        Path oldJava = InstalledJavas.olderThan(JavaVersionGate.REQUIRED_FEATURE).orElse(null);
        assumeTrue(oldJava != null, "no Java older than 21 under /usr/lib/jvm (Debian: apt-get install openjdk-17-jre-headless)");

        Finished demo = UserCommand.jar(oldJava, "demo").run(Duration.ofMinutes(1));

        assertThat(demo.exitCode()).as(demo.describe()).isEqualTo(DatalogLoader.EXIT_CANNOT_RUN);
        assertThat(demo.lines()).as(demo.describe()).singleElement().asString()
                .startsWith("datalog-loader needs Java 21 or newer, but this is Java ")
                .contains("(" + oldJava)
                .contains("./datalog-loader")
                .doesNotContain("Error", "Exception");
    }

    @Test
    void aNewEnoughJavaIsHandedOverToTheCommandsUnchanged() throws Exception {
        Finished help = UserCommand.jar(UserCommand.thisJava(), "run", "--help").run(Duration.ofMinutes(1));

        assertThat(help.exitCode()).as(help.describe()).isZero();
        assertThat(help.output()).contains("Usage: datalog-loader run", "--once");
    }
}
