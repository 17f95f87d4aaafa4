package com.datawow.datalog.cli;

import com.datawow.datalog.tools.bench.BenchOptions;
import com.datawow.datalog.tools.bench.Benchmark;
import com.datawow.datalog.tools.bench.LatencyBenchmark;
import com.datawow.datalog.tools.LoaderJvm;
import com.datawow.datalog.tools.bench.PostgresServer;
import com.datawow.datalog.config.Settings;
import com.datawow.datalog.ingest.IngestSettings;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

import java.nio.file.Path;
import java.util.Map;

/** {@code bench}: the loader against a raw COPY of the same rows, on the same server, in the same run. */
@Command(name = "bench", mixinStandardHelpOptions = true,
        description = {"Generates --minutes of sample files, loads them with 'run --once' in a child JVM into a fresh database "
                + "(datalog_bench_*) and times it, then imports exactly the rows it wrote with one binary COPY into two more "
                + "fresh databases, with and without the foreign keys, and prints files/s, rows/s, wall time, peak RSS and the ratios loader / COPY.",
                "With --latency N instead: starts the daemon on an empty drop directory, renames N files into it one at a time "
                + "and prints the median time until each one's rows are committed.",
                "Drops the databases and deletes the files afterwards unless --keep. "
                + "Exit codes: 0 done, 1 the loader did not exit 0, 2 could not run."})
final class BenchCommand extends CliCommand {

    @Option(names = "--minutes", paramLabel = "N", defaultValue = "1441",
            description = "Minutes of sample data from 2023-01-01 00:00, one file of 1,914 rows each (default ${DEFAULT-VALUE}: a day).")
    long minutes;

    @Option(names = "--jdbc-url", paramLabel = "URL", defaultValue = "jdbc:postgresql://127.0.0.1:5432/postgres",
            description = "Any database on the server to use; the bench creates its own there (default ${DEFAULT-VALUE}).")
    String jdbcUrl;

    @Option(names = "--db-user", paramLabel = "USER", defaultValue = "postgres",
            description = "A user that may create databases (default ${DEFAULT-VALUE}).")
    String user;

    @Option(names = "--db-password", paramLabel = "PW", description = "Password (default: env DATALOG_DB_PASSWORD, else none).")
    String password;

    @Mixin
    LoadOptions load;

    @Option(names = "--heap", paramLabel = "SIZE", defaultValue = "256m", description = "The loader's -Xmx (default ${DEFAULT-VALUE}).")
    String heap;

    @Option(names = "--work-dir", paramLabel = "DIR", description = "Where the temporary drop directory goes (default: java.io.tmpdir).")
    Path workDir;

    @Option(names = "--keep", description = "Keep the databases and the generated files.")
    boolean keep;

    @Option(names = "--latency", paramLabel = "DROPS",
            description = "Time DROPS single files dropped into a running daemon, instead of a backlog (--minutes is then ignored).")
    Integer latencyDrops;

    @Override
    public Integer call() throws Exception {
        BenchOptions options = options();
        if (latencyDrops != null) {
            return new LatencyBenchmark(options, latencyDrops, LoaderJvm.ofThisProcess(), out()).run();
        }
        return new Benchmark(options, LoaderJvm.ofThisProcess(), out()).run();
    }

    /** The loader settings resolved as 'run' resolves them (option > env > config file), then passed to it explicitly. */
    private BenchOptions options() {
        Map<String, String> overrides = load.overrides();
        String pw = password != null ? password : System.getenv().getOrDefault("DATALOG_DB_PASSWORD", "");
        try {
            IngestSettings ingest = IngestSettings.from(Settings.fromEnvironment(overrides));
            return new BenchOptions(minutes, new PostgresServer(jdbcUrl, user, pw), ingest.writer(), ingest.concurrency(),
                    ingest.batchSize(), ingest.badRows().mode(), heap, workDir != null ? workDir : Path.of(System.getProperty("java.io.tmpdir")), keep);
        } catch (IllegalArgumentException e) {
            throw usageError(e.getMessage());
        }
    }
}
