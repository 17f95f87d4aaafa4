package com.datawow.datalog.tools.bench;

import com.datawow.datalog.tools.LoaderJvm;
import com.datawow.datalog.tools.generate.GenerationSummary;
import com.datawow.datalog.tools.generate.MinuteRange;

import java.io.IOException;
import java.io.PrintWriter;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.LocalDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * One bench run: generate N minutes, load them with {@code run --once} in a child process into a fresh
 * database, import the same resolved rows with one raw COPY into a second fresh database, print the table,
 * and clean up (unless asked to keep everything).
 */
public record Benchmark(BenchOptions options, LoaderJvm loader, PrintWriter out) {

    public static final int EXIT_LOADER_FAILED = 1;

    public int run() throws Exception {
        BenchWorkspace workspace = BenchWorkspace.create(options, out);
        DatabaseName loaded = DatabaseName.forRun(LocalDateTime.now());
        DatabaseName copied = loaded.withSuffix("copy");
        DatabaseName copiedWithoutKeys = loaded.withSuffix("nofk");
        PostgresServer server = options.server();
        boolean finished = false;
        try {
            GenerationSummary generated = workspace.generate(MinuteRange.starting(MinuteRange.MONTH_FIRST, options.minutes()),
                    workspace.resolve("drop"));
            server.create(loaded);
            LoaderRun run = load(loaded, workspace);
            if (!run.succeeded()) {
                out.printf(Locale.ROOT, "The loader exited with %d (expected 0); its last lines (%s):%n", run.exitCode(), run.log());
                run.lastLines().forEach(line -> out.println("  " + line));
                out.flush();
                return EXIT_LOADER_FAILED;
            }
            long files = queryLong(server, loaded, "SELECT count(*) FROM ingest_ledger WHERE status = 'loaded'");
            long rows = queryLong(server, loaded, "SELECT count(*) FROM datalog");

            CopyBaseline baseline = CopyBaseline.exportedFrom(server, loaded, workspace.resolve("datalog.copy"));
            CopyBaseline.CopyResult copy = rawCopy(baseline, copied, rows, CopyBaseline.Keys.WITH_FOREIGN_KEYS);
            CopyBaseline.CopyResult copyWithoutKeys = rawCopy(baseline, copiedWithoutKeys, rows, CopyBaseline.Keys.WITHOUT_FOREIGN_KEYS);

            BenchResult result = new BenchResult(generated, files, rows, run, copy, copyWithoutKeys, server.version(),
                    Runtime.getRuntime().availableProcessors());
            BenchReport.print(result, options, out);
            finished = true;
            return 0;
        } finally {
            workspace.cleanUp(List.of(loaded, copied, copiedWithoutKeys), finished);
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

    private LoaderRun load(DatabaseName database, BenchWorkspace workspace) throws IOException, InterruptedException {
        PostgresServer server = options.server();
        List<String> arguments = new ArrayList<>(List.of("run", "--once",
                "--dir", workspace.resolve("drop").toString(),
                "--jdbc-url", server.urlOf(database),
                "--db-user", server.user()));
        arguments.addAll(options.loaderOptions());
        out.printf(Locale.ROOT, "Loading into %s: %s run --once (%s) ...%n", database, loader.describe(), options.describeLoader());
        out.flush();
        LoaderRun run = new RunOnceTimer(loader, options.heap()).run(arguments, server.password(), workspace.resolve("loader.log"));
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
}
