package com.datawow.datalog.testing;

import java.io.File;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

/**
 * A command-line tool installed on this machine (found on {@code PATH}), such as Debian's
 * {@code promtool}. A test that needs one skips, saying what to install, where it is absent;
 * CI installs it ({@code .ci/run}), so there it never skips.
 */
public record InstalledTool(Path executable) {

    /** What one run printed (stdout and stderr together) and how it ended. */
    public record Run(int exitCode, String output) {
    }

    public static Optional<InstalledTool> find(String name) {
        String path = Optional.ofNullable(System.getenv("PATH")).orElse("");
        return Stream.of(path.split(File.pathSeparator))
                .filter(dir -> !dir.isBlank())
                .map(dir -> Path.of(dir, name))
                .filter(Files::isExecutable)
                .findFirst()
                .map(InstalledTool::new);
    }

    /** The tool, or the calling test is skipped with a message naming the package that brings it. */
    public static InstalledTool require(String name, String debianPackage) {
        Optional<InstalledTool> tool = find(name);
        assumeTrue(tool.isPresent(), () -> name + " is not installed, so this test is skipped: `apt-get install "
                + debianPackage + "` (.ci/run installs it in CI)");
        return tool.orElseThrow();
    }

    /** Runs the tool in {@code workingDir}; fails the test if it has not ended within {@code timeout}. */
    public Run run(Path workingDir, Duration timeout, String... arguments) throws IOException, InterruptedException {
        List<String> command = new ArrayList<>();
        command.add(executable.toString());
        command.addAll(List.of(arguments));
        Path output = Files.createTempFile("tool-output", ".txt");
        try {
            Process process = new ProcessBuilder(command).directory(workingDir.toFile())
                    .redirectErrorStream(true).redirectOutput(output.toFile())
                    .redirectInput(ProcessBuilder.Redirect.from(new File("/dev/null"))).start();
            boolean ended = process.waitFor(timeout.toMillis(), TimeUnit.MILLISECONDS);
            if (!ended) {
                process.destroyForcibly().waitFor();
            }
            assertThat(ended).as("%s ended within %s", command, timeout).isTrue();
            return new Run(process.exitValue(), Files.readString(output));
        } finally {
            Files.deleteIfExists(output);
        }
    }
}
