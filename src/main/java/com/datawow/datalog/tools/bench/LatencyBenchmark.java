package com.datawow.datalog.tools.bench;

import com.datawow.datalog.tools.LoaderJvm;
import com.datawow.datalog.tools.generate.MinuteRange;

import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Duration;
import java.time.LocalDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;

/**
 * Steady-state latency: the daemon ({@code run}, in a child JVM) watches an empty drop directory
 * and files arrive one at a time, as a factory drops them: written under a hidden name, then
 * renamed in. Each is timed from its rename until its ledger row says {@code loaded}, which
 * commits with its rows, so that is when they are visible. A first file warms the daemon up and
 * is not counted.
 */
public record LatencyBenchmark(BenchOptions options, int drops, LoaderJvm loader, PrintWriter out) {

    /** Between two drops the daemon idles, as it does between minutes. */
    private static final Duration PAUSE = Duration.ofSeconds(2);
    private static final Duration PATIENCE = Duration.ofSeconds(60);
    private static final long POLL_MILLIS = 5;

    public LatencyBenchmark {
        if (drops < 1) {
            throw new IllegalArgumentException("--latency needs at least 1 drop, got " + drops);
        }
    }

    public int run() throws Exception {
        BenchWorkspace workspace = BenchWorkspace.create(options, out);
        DatabaseName database = DatabaseName.forRun(LocalDateTime.now());
        PostgresServer server = options.server();
        boolean finished = false;
        try {
            Path staging = workspace.resolve("staging");
            Path dropDir = Files.createDirectories(workspace.resolve("drop"));
            workspace.generate(MinuteRange.starting(MinuteRange.MONTH_FIRST, drops + 1L), staging);
            server.create(database);
            Process daemon = startDaemon(database, dropDir, workspace.resolve("loader.log"));
            List<Duration> latencies = new ArrayList<>();
            try (Connection connection = server.connect(database)) {
                awaitSchema(connection, daemon);
                List<Path> files = filesIn(staging);
                for (int i = 0; i < files.size(); i++) {
                    Duration latency = dropAndTime(files.get(i), dropDir, connection, daemon);
                    out.printf(Locale.ROOT, "%s %s: %d ms%n", i == 0 ? "warm-up" : String.format(Locale.ROOT, "drop %2d", i),
                            files.get(i).getFileName(), latency.toMillis());
                    out.flush();
                    if (i > 0) {
                        latencies.add(latency);
                    }
                    Thread.sleep(PAUSE.toMillis());
                }
            } finally {
                stop(daemon);
            }
            print(latencies);
            finished = true;
            return 0;
        } finally {
            workspace.cleanUp(List.of(database), finished);
        }
    }

    private Process startDaemon(DatabaseName database, Path dropDir, Path log) throws IOException {
        List<String> arguments = new ArrayList<>(List.of("run", "--dir", dropDir.toString(),
                "--jdbc-url", options.server().urlOf(database), "--db-user", options.server().user()));
        arguments.addAll(options.loaderOptions());
        out.printf(Locale.ROOT, "Daemon on %s: %s run (%s), log %s%n", database, loader.describe(), options.describeLoader(), log);
        out.flush();
        ProcessBuilder builder = new ProcessBuilder(loader.command(options.heap(), List.of(), arguments))
                .redirectErrorStream(true).redirectOutput(log.toFile());
        builder.environment().put("DATALOG_HTTP_ENABLED", "false");
        builder.environment().put("DATALOG_DB_PASSWORD", options.server().password());
        return builder.start();
    }

    /** The daemon applies the schema once the database answers; then it polls. */
    private static void awaitSchema(Connection connection, Process daemon) throws SQLException, InterruptedException {
        long deadline = System.nanoTime() + PATIENCE.toNanos();
        while (!exists(connection, "SELECT 1 FROM pg_tables WHERE tablename = 'ingest_ledger'")) {
            checkRunning(daemon, deadline, "apply the schema");
            Thread.sleep(50);
        }
    }

    /** Written under a hidden name (never read), renamed in, timed until its ledger row says loaded. */
    private static Duration dropAndTime(Path file, Path dropDir, Connection connection, Process daemon)
            throws IOException, SQLException, InterruptedException {
        String name = file.getFileName().toString();
        Path hidden = Files.copy(file, dropDir.resolve("." + name + ".tmp"));
        long renamed = System.nanoTime();
        Files.move(hidden, dropDir.resolve(name), StandardCopyOption.ATOMIC_MOVE);
        long deadline = renamed + PATIENCE.toNanos();
        try (PreparedStatement loaded = connection.prepareStatement("SELECT 1 FROM ingest_ledger WHERE file_name = ? AND status = 'loaded'")) {
            loaded.setString(1, name);
            while (true) {
                try (ResultSet result = loaded.executeQuery()) {
                    if (result.next()) {
                        return Duration.ofNanos(System.nanoTime() - renamed);
                    }
                }
                checkRunning(daemon, deadline, "load '" + name + "'");
                Thread.sleep(POLL_MILLIS);
            }
        }
    }

    private static boolean exists(Connection connection, String sql) throws SQLException {
        try (PreparedStatement statement = connection.prepareStatement(sql); ResultSet result = statement.executeQuery()) {
            return result.next();
        }
    }

    private static void checkRunning(Process daemon, long deadline, String what) {
        if (!daemon.isAlive()) {
            throw new IllegalStateException("the daemon exited with " + daemon.exitValue() + " before it could " + what + " (see its log)");
        }
        if (System.nanoTime() > deadline) {
            throw new IllegalStateException("the daemon did not " + what + " within " + PATIENCE.toSeconds() + " s (see its log)");
        }
    }

    private static List<Path> filesIn(Path dir) throws IOException {
        try (Stream<Path> files = Files.list(dir)) {
            return files.filter(path -> path.getFileName().toString().endsWith(".parquet")).sorted().toList();
        }
    }

    /** SIGTERM: the daemon stops gracefully (it is idle by now). */
    private static void stop(Process daemon) throws InterruptedException {
        daemon.destroy();
        if (!daemon.waitFor(70, TimeUnit.SECONDS)) {
            daemon.destroyForcibly();
        }
    }

    private void print(List<Duration> latencies) {
        List<Long> millis = latencies.stream().map(Duration::toMillis).sorted().toList();
        out.println();
        out.println("| measure | value |");
        out.println("|---|---:|");
        out.printf(Locale.ROOT, "| drops (one file of 1,914 rows each, %d s apart) | %d |%n", PAUSE.toSeconds(), millis.size());
        out.printf(Locale.ROOT, "| **median, rename into the drop directory to rows committed** | **%d ms** |%n", percentile(millis, 50));
        out.printf(Locale.ROOT, "| 90th percentile | %d ms |%n", percentile(millis, 90));
        out.printf(Locale.ROOT, "| fastest / slowest | %d ms / %d ms |%n", millis.getFirst(), millis.getLast());
        out.println();
        out.printf(Locale.ROOT, "Settings: %s. The daemon takes a file once it has been still for datalog.read-lock-min-age-ms "
                + "and polls every datalog.poll-delay-ms (the configuration's values).%n", options.describeLoader());
        out.flush();
    }

    /** Nearest-rank percentile of sorted values. */
    static long percentile(List<Long> sorted, int percent) {
        int rank = (int) Math.ceil(percent / 100.0 * sorted.size());
        return sorted.get(Math.max(0, rank - 1));
    }
}
