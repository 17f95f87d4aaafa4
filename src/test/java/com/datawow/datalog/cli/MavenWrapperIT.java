package com.datawow.datalog.cli;

import com.datawow.datalog.testing.InstalledJavas;
import com.datawow.datalog.testing.UserCommand;
import com.datawow.datalog.testing.UserCommand.Finished;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

/**
 * {@code ./mvnw}, the README's first command, finds a JDK 21+ the way {@code ./datalog-loader} does, and
 * stops with the enforcer's message where there is none.
 */
class MavenWrapperIT {

    private static final Duration TIMEOUT = Duration.ofMinutes(3);

    @TempDir
    Path machine;

    @Test
    void mavenRunsOnAJdk21FromTheUsualFoldersWhenJavaHomeIsUnsetAndTheJavaOnThePathIsOld() throws Exception {
        Path oldJavaHome = LauncherScriptIT.OldJavaStandIn.create(machine.resolve("java-17"));
        Path jdkFolder = Files.createDirectories(machine.resolve("jvm"));
        Path jdk = Files.createSymbolicLink(jdkFolder.resolve("jdk-new"), UserCommand.thisJava());

        Finished version = UserCommand.of("./mvnw", "--version").without("JAVA_HOME")
                .with("PATH", oldJavaHome.resolve("bin") + ":/usr/bin:/bin")
                .with("DATALOG_JDK_DIRS", jdkFolder.toString())
                .run(TIMEOUT);

        assertThat(version.exitCode()).as(version.describe()).isZero();
        assertThat(version.output())
                .contains("mvnw: the java on the PATH is Java 17; building with the JDK "
                        + Runtime.version().feature() + " at " + jdk + " (the build needs 21+)")
                .contains("Java version: " + System.getProperty("java.version"))
                .doesNotContain(LauncherScriptIT.OldJavaStandIn.RAN)
                .doesNotContain("WARNING");
    }

    @Test
    void withNoJdk21AnywhereTheBuildStopsWithTheEnforcersMessage() throws Exception {
        Path oldJdk = InstalledJavas.olderThan(JavaVersionGate.REQUIRED_FEATURE).orElse(null);
        assumeTrue(oldJdk != null && Files.isExecutable(oldJdk.resolve("bin/javac")),
                "no JDK older than 21 under /usr/lib/jvm to run Maven on (Debian: apt-get install openjdk-17-jdk-headless)");
        Path noJdks = Files.createDirectories(machine.resolve("no-jvm"));

        // validate runs the enforcer and nothing else; offline, as the plugins are already in the local repository
        Finished validate = UserCommand.of("./mvnw", "-B", "-o", "validate").without("JAVA_HOME")
                .with("PATH", oldJdk.resolve("bin") + ":/usr/bin:/bin")
                .with("DATALOG_JDK_DIRS", noJdks.toString())
                .run(TIMEOUT);

        assertThat(validate.exitCode()).as(validate.describe()).isNotZero();
        assertThat(validate.output()).as(validate.describe())
                .contains("datalog-loader needs JDK 21 or newer to build, and this is Java 17")
                .contains("./mvnw found no JDK 21+ in JAVA_HOME, on the PATH or in the usual JDK folders");
    }
}
