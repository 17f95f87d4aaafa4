package com.datawow.datalog.cli;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

import static org.assertj.core.api.Assertions.assertThat;

/** Where stderr goes decides between a progress bar and progress lines: a /proc/self/fd link read as Linux shows it. */
class TerminalTest {

    @TempDir
    Path dir;

    @Test
    void aPseudoTerminalOrAConsoleIsATerminal() throws IOException {
        assertThat(Terminal.isTerminal(descriptorTo("/dev/pts/3"))).isTrue();
        assertThat(Terminal.isTerminal(descriptorTo("/dev/tty1"))).isTrue();
    }

    @Test
    void aFileAPipeOrASocketIsNot() throws IOException {
        assertThat(Terminal.isTerminal(descriptorTo("/var/log/datalog/run.log"))).isFalse();
        assertThat(Terminal.isTerminal(descriptorTo("pipe:[123456]"))).isFalse();
        assertThat(Terminal.isTerminal(descriptorTo("socket:[654321]"))).isFalse();
        assertThat(Terminal.isTerminal(descriptorTo("/dev/null"))).isFalse();
    }

    @Test
    void withoutProcToTellStderrIsTakenToFollowStdout() {
        assertThat(Terminal.isTerminal(dir.resolve("no-such-descriptor"))).isTrue();
    }

    private Path descriptorTo(String target) throws IOException {
        Path link = dir.resolve("fd-" + Math.abs(target.hashCode()));
        return Files.createSymbolicLink(link, Path.of(target));
    }
}
