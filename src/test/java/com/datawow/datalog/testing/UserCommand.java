package com.datawow.datalog.testing;

import java.io.File;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

/**
 * A command run to the end as a person types it: in a given directory, with the environment changed
 * as given, nothing on stdin, stdout and stderr together in one file (what a terminal, a log file or a
 * container log shows).
 *
 * <pre>{@code
 * Finished run = UserCommand.of("./datalog-loader", "--version").without("JAVA_HOME").run(Duration.ofMinutes(1));
 * }</pre>
 */
public final class UserCommand {

    /** The project's root: where the README's commands are typed. */
    public static final Path PROJECT = Path.of("").toAbsolutePath();
    /** The jar {@code ./mvnw -B verify} packaged. */
    public static final Path BUILT_JAR = PROJECT.resolve("target/datalog-loader.jar");

    private final List<String> command;
    private final Map<String, String> environment = new LinkedHashMap<>();
    private final List<String> removed = new ArrayList<>();
    private Path directory = PROJECT;

    private UserCommand(List<String> command) {
        this.command = command;
    }

    public static UserCommand of(String... command) {
        return new UserCommand(List.of(command));
    }

    public static UserCommand of(List<String> command) {
        return new UserCommand(List.copyOf(command));
    }

    /** {@code java -jar target/datalog-loader.jar ARGS...} with the given Java home. */
    public static UserCommand jar(Path javaHome, String... args) {
        List<String> command = new ArrayList<>(List.of(javaHome.resolve("bin/java").toString(), "-jar", BUILT_JAR.toString()));
        command.addAll(List.of(args));
        return new UserCommand(command);
    }

    /** The Java home of this test run (21 or newer). */
    public static Path thisJava() {
        return Path.of(System.getProperty("java.home"));
    }

    public UserCommand in(Path workingDirectory) {
        this.directory = workingDirectory;
        return this;
    }

    public UserCommand with(String variable, String value) {
        environment.put(variable, value);
        return this;
    }

    public UserCommand without(String variable) {
        removed.add(variable);
        return this;
    }

    public Finished run(Duration timeout) throws IOException, InterruptedException {
        Path output = Files.createTempFile("command", ".out");
        try {
            ProcessBuilder builder = new ProcessBuilder(command).directory(directory.toFile())
                    .redirectErrorStream(true).redirectOutput(output.toFile())
                    .redirectInput(ProcessBuilder.Redirect.from(new File("/dev/null")));
            builder.environment().keySet().removeIf(name -> name.startsWith("DATALOG_") || removed.contains(name));
            builder.environment().putAll(environment);
            Process process = builder.start();
            if (!process.waitFor(timeout.toMillis(), TimeUnit.MILLISECONDS)) {
                process.descendants().forEach(ProcessHandle::destroyForcibly);
                process.destroyForcibly();
                throw new AssertionError(command + " still runs after " + timeout + ":\n" + Files.readString(output, StandardCharsets.UTF_8));
            }
            return new Finished(command, process.exitValue(), Files.readString(output, StandardCharsets.UTF_8));
        } finally {
            Files.deleteIfExists(output);
        }
    }

    /** How it ended and everything it printed. */
    public record Finished(List<String> command, int exitCode, String output) {

        public List<String> lines() {
            return output.lines().toList();
        }

        /** For assertion messages. */
        public String describe() {
            return String.join(" ", command) + " exited " + exitCode + ":\n" + output;
        }
    }
}
