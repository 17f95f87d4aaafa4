package com.datawow.datalog.ops;

import org.junit.jupiter.api.Test;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The image's ENTRYPOINT, run as written with the jar this build packaged in place of
 * {@code /app/datalog-loader.jar}: the container's command line works, short of Docker itself.
 */
class DockerEntrypointIT {

    private static final Path ROOT = Path.of("").toAbsolutePath();
    private static final Path BUILT_JAR = ROOT.resolve("target/datalog-loader.jar");

    @Test
    void theEntrypointStartsTheBuiltJar() throws Exception {
        Result version = runEntrypoint("--version");

        assertThat(version.exitCode()).as(version.output()).isZero();
        assertThat(version.output()).contains("datalog-loader");
    }

    @Test
    void theEntrypointReachesTheReportCommand() throws Exception {
        Result help = runEntrypoint("report", "--help");

        assertThat(help.exitCode()).as(help.output()).isZero();
        assertThat(help.output()).contains("--json", "--jdbc-url");
    }

    private static Result runEntrypoint(String... args) throws Exception {
        assertThat(BUILT_JAR).isRegularFile();
        List<String> entrypoint = DockerfileInstructions.read(ROOT.resolve("Dockerfile")).inFinalStage("ENTRYPOINT").execForm();
        List<String> command = new ArrayList<>();
        command.add(Path.of(System.getProperty("java.home"), "bin", "java").toString());
        entrypoint.subList(1, entrypoint.size()).stream()
                .map(word -> word.equals("/app/datalog-loader.jar") ? BUILT_JAR.toString() : word)
                .forEach(command::add);
        command.addAll(List.of(args));

        Path output = Files.createTempFile("entrypoint", ".out");
        Process java = new ProcessBuilder(command).redirectErrorStream(true).redirectOutput(output.toFile()).start();
        assertThat(java.waitFor(60, TimeUnit.SECONDS)).as("%s finishes", command).isTrue();
        String text = Files.readString(output);
        Files.delete(output);
        return new Result(java.exitValue(), text);
    }

    private record Result(int exitCode, String output) {
    }
}
