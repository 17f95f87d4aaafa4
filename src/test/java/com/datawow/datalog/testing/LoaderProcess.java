package com.datawow.datalog.testing;

import com.datawow.datalog.tools.LoaderJvm;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.OptionalInt;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * The loader's {@code run} command in a child JVM, as an operator starts it: so that a test can
 * SIGKILL it ({@link #kill()}), SIGTERM it ({@link #terminate()}) or give it a small heap.
 * Its output (stdout and stderr) goes to a file in {@code logDir}, shown by {@link #output()} for
 * diagnosis. Short poll, read-lock and retry intervals are set through the environment.
 *
 * <pre>{@code
 * try (LoaderProcess loader = LoaderProcess.run(database, dropDir).logTo(tempDir).start()) { ... }
 * }</pre>
 */
public final class LoaderProcess implements AutoCloseable {

    private static final AtomicInteger STARTED = new AtomicInteger();

    private final Process process;
    private final Path log;

    private LoaderProcess(Process process, Path log) {
        this.process = process;
        this.log = log;
    }

    /** {@code run --dir dropDir} against the test database; more options with the builder. */
    public static Builder run(TestDatabase database, Path dropDir) {
        return new Builder(database, dropDir);
    }

    /** SIGKILL: the loader gets no chance to clean up (what kill -9 or a power cut does). */
    public void kill() throws InterruptedException {
        process.destroyForcibly();
        process.waitFor(10, TimeUnit.SECONDS);
    }

    /** SIGTERM: what {@code docker stop}, systemd or {@code kill PID} send. Does not wait. */
    public void terminate() {
        process.destroy();
    }

    /** The exit code, or empty if the process still runs after {@code timeout}. */
    public OptionalInt waitFor(Duration timeout) throws InterruptedException {
        return process.waitFor(timeout.toMillis(), TimeUnit.MILLISECONDS) ? OptionalInt.of(process.exitValue()) : OptionalInt.empty();
    }

    public boolean isAlive() {
        return process.isAlive();
    }

    public long pid() {
        return process.pid();
    }

    public Path logFile() {
        return log;
    }

    /** Everything the loader printed so far. */
    public String output() {
        try {
            return Files.exists(log) ? Files.readString(log, StandardCharsets.UTF_8) : "";
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** For assertion messages: the pid and the tail of the output. */
    public String describe() {
        String output = output();
        String tail = output.length() > 6_000 ? "..." + output.substring(output.length() - 6_000) : output;
        return "loader pid " + pid() + " (log " + log + "):\n" + tail;
    }

    /** Kills the process if it still runs: call it from {@code @AfterEach}, so no child outlives a failed test. */
    @Override
    public void close() throws InterruptedException {
        if (process.isAlive()) {
            kill();
        }
    }

    public static final class Builder {

        private final TestDatabase database;
        private final Path dropDir;
        private final List<String> options = new ArrayList<>();
        /**
         * The client compiler only: a test's loader lives seconds, and C2's compilations of Camel's,
         * pgjdbc's and Hardwood's start-up paths cost more CPU than they give back in that time
         * (measured on 2 cores: start-up to Camel started 4.5 s of CPU instead of 7.4-8.0 s, and
         * {@code run --once} of 120 sample minutes 6-7 s of CPU instead of 11-12 s). It changes how
         * fast the code runs, not what it does; production JVMs keep the default.
         */
        private final List<String> jvmOptions = new ArrayList<>(List.of("-XX:TieredStopAtLevel=1"));
        private String maxHeap = "256m";
        private Path logDir;

        private Builder(TestDatabase database, Path dropDir) {
            this.database = database;
            this.dropDir = dropDir;
        }

        /** {@code --once}: drain the backlog and exit with a code. */
        public Builder once() {
            options.add("--once");
            return this;
        }

        /** Any other {@code run} option, e.g. {@code option("--batch-size", "500")}. */
        public Builder option(String... values) {
            options.addAll(List.of(values));
            return this;
        }

        /** {@code -Xmx} of the child JVM (default 256m). */
        public Builder maxHeap(String size) {
            this.maxHeap = size;
            return this;
        }

        public Builder jvmOption(String option) {
            jvmOptions.add(option);
            return this;
        }

        /** Where the output file goes (a {@code @TempDir}). */
        public Builder logTo(Path directory) {
            this.logDir = directory;
            return this;
        }

        public LoaderProcess start() throws IOException {
            Path directory = logDir != null ? logDir : dropDir.resolveSibling("loader-logs");
            Files.createDirectories(directory);
            Path log = directory.resolve("loader-" + STARTED.incrementAndGet() + ".log");

            List<String> arguments = new ArrayList<>(List.of("run", "--dir", dropDir.toAbsolutePath().toString()));
            arguments.addAll(options);
            List<String> command = LoaderJvm.ofThisProcess().command(maxHeap, jvmOptions, arguments);

            ProcessBuilder builder = new ProcessBuilder(command)
                    .redirectErrorStream(true)
                    .redirectOutput(log.toFile())
                    .redirectInput(ProcessBuilder.Redirect.from(new java.io.File("/dev/null")));
            Map<String, String> environment = builder.environment();
            environment.keySet().removeIf(name -> name.startsWith("DATALOG_"));
            environment.put("DATALOG_JDBC_URL", database.jdbcUrl());
            environment.put("DATALOG_DB_USER", database.user());
            environment.put("DATALOG_DB_PASSWORD", database.password());
            environment.put("DATALOG_POLL_DELAY_MS", "100");
            environment.put("DATALOG_READ_LOCK_MIN_AGE_MS", "200");
            environment.put("DATALOG_RETRY_INITIAL_DELAY_MS", "200");
            environment.put("DATALOG_RETRY_MAX_DELAY_MS", "1000");
            environment.put("DATALOG_HTTP_ENABLED", "false");   // no port to clash with another loader on this machine
            return new LoaderProcess(builder.start(), log);
        }
    }
}
