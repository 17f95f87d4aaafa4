package com.datawow.datalog.tools.bench;

import com.datawow.datalog.tools.LoaderJvm;

import com.datawow.datalog.tools.generate.GenerationProgress;
import com.datawow.datalog.tools.generate.GenerationSummary;
import com.datawow.datalog.tools.generate.MinuteRange;
import com.datawow.datalog.tools.generate.SampleFileGenerator;

import java.io.IOException;
import java.io.PrintWriter;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.LocalDateTime;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.stream.Stream;

/**
 * One bench run: generate N minutes, load them with {@code run --once} in a child process into a fresh
 * database, import the same resolved rows with one raw COPY into a second fresh database, print the table,
 * and clean up (unless asked to keep everything).
 */
public final class Benchmark {

    public static final int EXIT_LOADER_FAILED = 1;

    private final BenchOptions options;
    private final LoaderJvm loader;
    private final PrintWriter out;

    public Benchmark(BenchOptions options, LoaderJvm loader, PrintWriter out) {
        this.options = options;
        this.loader = loader;
        this.out = out;
    }

    public int run() throws Exception {
        Path workDir = Files.createTempDirectory(Files.createDirectories(options.workDir()), "datalog-bench-");
        DatabaseName loaded = DatabaseName.forRun(LocalDateTime.now());
        DatabaseName copied = loaded.withSuffix("copy");
        DatabaseName copiedWithoutKeys = loaded.withSuffix("nofk");
        PostgresServer server = options.server();
        boolean finished = false;
        try {
            GenerationSummary generated = generate(workDir.resolve("drop"));
            server.create(loaded);
            LoaderRun run = load(loaded, workDir);
            if (!run.succeeded()) {
                out.printf(Locale.ROOT, "The loader exited with %d (expected 0); its last lines (%s):%n", run.exitCode(), run.log());
                run.lastLines().forEach(line -> out.println("  " + line));
                out.flush();
                return EXIT_LOADER_FAILED;
            }
            long files = queryLong(server, loaded, "SELECT count(*) FROM ingest_ledger WHERE status = 'loaded'");
            long rows = queryLong(server, loaded, "SELECT count(*) FROM datalog");

            CopyBaseline baseline = CopyBaseline.exportedFrom(server, loaded, workDir.resolve("datalog.copy"));
            CopyBaseline.CopyResult copy = rawCopy(baseline, copied, rows, CopyBaseline.Keys.WITH_FOREIGN_KEYS);
            CopyBaseline.CopyResult copyWithoutKeys = rawCopy(baseline, copiedWithoutKeys, rows, CopyBaseline.Keys.WITHOUT_FOREIGN_KEYS);

            BenchResult result = new BenchResult(generated, files, rows, run, copy, copyWithoutKeys, server.version(),
                    Runtime.getRuntime().availableProcessors());
            BenchReport.print(result, options, out);
            finished = true;
            return 0;
        } finally {
            cleanUp(server, List.of(loaded, copied, copiedWithoutKeys), workDir, finished);
        }
    }

    private CopyBaseline.CopyResult rawCopy(CopyBaseline baseline, DatabaseName target, long rows, CopyBaseline.Keys keys)
            throws SQLException, IOException {
        server().create(target);
        out.printf(Locale.ROOT, "Raw COPY of the same %,d rows into %s (%s) ...%n", rows, target,
                keys == CopyBaseline.Keys.WITH_FOREIGN_KEYS ? "with the foreign keys" : "without foreign keys");
        out.flush();
        return baseline.importInto(target, keys);
    }

    private PostgresServer server() {
        return options.server();
    }

    private GenerationSummary generate(Path dropDir) throws IOException, InterruptedException {
        MinuteRange range = MinuteRange.starting(MinuteRange.MONTH_FIRST, options.minutes());
        out.printf(Locale.ROOT, "Generating %,d file(s), %s, into %s ...%n", range.size(), range, dropDir);
        out.flush();
        GenerationSummary generated = new SampleFileGenerator(dropDir, 2, GenerationProgress.NONE).generate(range);
        out.printf(Locale.ROOT, "Generated %,d file(s), %,d rows in %.1f s (not part of the figures below)%n",
                generated.files(), generated.rows(), generated.seconds());
        out.flush();
        return generated;
    }

    private LoaderRun load(DatabaseName database, Path workDir) throws IOException, InterruptedException {
        PostgresServer server = options.server();
        List<String> arguments = new ArrayList<>(List.of("run", "--once",
                "--dir", workDir.resolve("drop").toString(),
                "--jdbc-url", server.urlOf(database),
                "--db-user", server.user()));
        arguments.addAll(options.loaderOptions());
        out.printf(Locale.ROOT, "Loading into %s: %s run --once (%s) ...%n", database, loader.describe(), options.describeLoader());
        out.flush();
        LoaderRun run = new RunOnceTimer(loader, options.heap()).run(arguments, server.password(), workDir.resolve("loader.log"));
        out.printf(Locale.ROOT, "Loader exited with %d after %.2f s: %s%n", run.exitCode(), run.wallSeconds(),
                run.summary().orElse("(no summary line)"));
        out.flush();
        return run;
    }

    private static long queryLong(PostgresServer server, DatabaseName database, String sql) throws SQLException {
        try (Connection connection = server.connect(database); Statement statement = connection.createStatement();
             ResultSet result = statement.executeQuery(sql)) {
            result.next();
            return result.getLong(1);
        }
    }

    private void cleanUp(PostgresServer server, List<DatabaseName> databases, Path workDir, boolean finished) {
        if (options.keep()) {
            out.printf(Locale.ROOT, "Kept (--keep): databases %s, files under %s%n", databases, workDir);
            out.flush();
            return;
        }
        for (DatabaseName database : databases) {
            try {
                server.dropIfExists(database);
            } catch (SQLException e) {
                out.printf(Locale.ROOT, "Could not drop database %s: %s%n", database, e.getMessage());
            }
        }
        try {
            deleteRecursively(workDir);
        } catch (UncheckedIOException e) {
            out.printf(Locale.ROOT, "Could not delete %s: %s%n", workDir, e.getMessage());
        }
        if (finished) {
            out.printf(Locale.ROOT, "Dropped %s and deleted %s (--keep keeps them)%n", databases, workDir);
        }
        out.flush();
    }

    private static void deleteRecursively(Path dir) {
        try (Stream<Path> paths = Files.walk(dir)) {
            for (Path path : paths.sorted(Comparator.reverseOrder()).toList()) {
                Files.deleteIfExists(path);
            }
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot delete " + dir, e);
        }
    }
}
