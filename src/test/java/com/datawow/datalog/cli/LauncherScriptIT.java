package com.datawow.datalog.cli;

import com.datawow.datalog.testing.UserCommand;
import com.datawow.datalog.testing.UserCommand.Finished;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.attribute.PosixFilePermissions;
import java.time.Duration;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * {@code ./datalog-loader}, the README's second command, on machines like ours: a {@code java} older than 21
 * first on the PATH (here a stand-in that says it is 17 and fails if it is ever run), JAVA_HOME unset, and a
 * JDK 21+ installed in one of the usual folders (here a folder holding this test run's JDK, named by
 * {@code DATALOG_JDK_DIRS} in place of /usr/lib/jvm and the others).
 */
class LauncherScriptIT {

    private static final Duration TIMEOUT = Duration.ofMinutes(1);

    @TempDir
    Path machine;
    private Path oldJavaHome;
    private Path jdkFolder;
    private Path emptyFolder;

    @BeforeEach
    void aMachineWithAnOldJavaFirstOnThePath() throws IOException {
        oldJavaHome = OldJavaStandIn.create(machine.resolve("java-17"));
        jdkFolder = Files.createDirectories(machine.resolve("jvm"));
        Files.createSymbolicLink(jdkFolder.resolve("jdk-new"), UserCommand.thisJava());
        emptyFolder = Files.createDirectories(machine.resolve("no-jvm"));
    }

    @Test
    void findsAJava21InTheUsualFoldersWithJavaHomeUnsetAndAnOldJavaFirstOnThePath() throws Exception {
        Finished version = launcher("--version").without("JAVA_HOME").with("DATALOG_JDK_DIRS", jdkFolder.toString()).run(TIMEOUT);

        assertThat(version.exitCode()).as(version.describe()).isZero();
        assertThat(version.output()).contains("datalog-loader").doesNotContain(OldJavaStandIn.RAN);
    }

    @Test
    void takesJavaHomeWhenItIsNewEnoughWhateverTheJavaOnThePathIs() throws Exception {
        Finished version = launcher("--version").with("JAVA_HOME", UserCommand.thisJava().toString())
                .with("DATALOG_JDK_DIRS", emptyFolder.toString()).run(TIMEOUT);

        assertThat(version.exitCode()).as(version.describe()).isZero();
        assertThat(version.output()).contains("datalog-loader").doesNotContain(OldJavaStandIn.RAN);
    }

    @Test
    void passesOverAnOldJavaHomeForANewerJavaInstalledBeside() throws Exception {
        Finished version = launcher("--version").with("JAVA_HOME", oldJavaHome.toString())
                .with("DATALOG_JDK_DIRS", jdkFolder.toString()).run(TIMEOUT);

        assertThat(version.exitCode()).as(version.describe()).isZero();
        assertThat(version.output()).doesNotContain(OldJavaStandIn.RAN);
    }

    @Test
    void handsTheArgumentsOverAsTheyAre() throws Exception {
        Finished help = launcher("generate", "--help").without("JAVA_HOME").with("DATALOG_JDK_DIRS", jdkFolder.toString()).run(TIMEOUT);

        assertThat(help.exitCode()).as(help.describe()).isZero();
        assertThat(help.output()).contains("Usage: datalog-loader generate", "--minutes");
    }

    @Test
    void withOnlyAnOldJavaItSaysInOneLineWhatItNeedsAndWhatItFound() throws Exception {
        Finished refused = launcher("demo").without("JAVA_HOME").with("DATALOG_JDK_DIRS", emptyFolder.toString()).run(TIMEOUT);

        assertThat(refused.exitCode()).as(refused.describe()).isEqualTo(DatalogLoader.EXIT_CANNOT_RUN);
        assertThat(refused.lines()).as(refused.describe()).singleElement().asString()
                .startsWith("datalog-loader needs Java 21 or newer and found Java 17 (" + oldJavaHome + ")")
                .contains("JAVA_HOME");
    }

    @Test
    void beforeTheBuildItSaysToBuildFirst() throws Exception {
        Path clone = Files.createDirectories(machine.resolve("fresh-clone/.mvn"));
        Files.copy(UserCommand.PROJECT.resolve(".mvn/find-java.sh"), clone.resolve("find-java.sh"));
        Path script = Files.copy(UserCommand.PROJECT.resolve("datalog-loader"), clone.resolveSibling("datalog-loader"), StandardCopyOption.COPY_ATTRIBUTES);

        Finished early = onThisMachine(UserCommand.of(script.toString(), "demo")).in(clone.getParent())
                .with("DATALOG_JDK_DIRS", jdkFolder.toString()).run(TIMEOUT);

        assertThat(early.exitCode()).as(early.describe()).isEqualTo(DatalogLoader.EXIT_CANNOT_RUN);
        assertThat(early.lines()).singleElement().asString().contains("is not built yet: run ./mvnw -B verify");
    }

    private UserCommand launcher(String... args) {
        String[] command = new String[args.length + 1];
        command[0] = "./datalog-loader";
        System.arraycopy(args, 0, command, 1, args.length);
        return onThisMachine(UserCommand.of(command));
    }

    private UserCommand onThisMachine(UserCommand command) {
        return command.with("PATH", oldJavaHome.resolve("bin") + ":/usr/bin:/bin");
    }

    /** A Java home whose {@code java -version} says 17 and which fails, saying so, if run for anything else. */
    static final class OldJavaStandIn {

        static final String RAN = "the old java was run";

        static Path create(Path home) throws IOException {
            Path java = Files.createDirectories(home.resolve("bin")).resolve("java");
            Files.writeString(java, """
                    #!/bin/sh
                    if [ "$1" = -version ]; then
                      echo 'openjdk version "17.0.15" 2025-04-15' >&2
                      exit 0
                    fi
                    echo '%s' >&2
                    exit 1
                    """.formatted(RAN));
            Files.setPosixFilePermissions(java, PosixFilePermissions.fromString("rwxr-xr-x"));
            return home;
        }
    }
}
