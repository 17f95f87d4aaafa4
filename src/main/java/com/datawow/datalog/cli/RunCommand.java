package com.datawow.datalog.cli;

import com.datawow.datalog.config.Settings;
import com.datawow.datalog.daemon.IngestDaemon;
import com.datawow.datalog.daemon.Loader;
import com.datawow.datalog.ingest.IngestStatistics;
import com.datawow.datalog.ops.OperationsSettings;
import com.datawow.datalog.ops.ProgressStyle;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

import java.io.PrintWriter;
import java.time.Duration;
import java.util.HashMap;
import java.util.Map;

/** {@code run}: the ingest daemon; {@code --once} drains the backlog and exits. */
@Command(name = "run", mixinStandardHelpOptions = true,
        description = {"Loads every *.parquet file dropped into the drop directory, exactly once.",
                "Exit codes with --once: 0 all files good, 1 a file failed, 2 could not run."})
final class RunCommand extends CliCommand {

    static final int EXIT_FILE_FAILED = 1;

    @Mixin
    DatabaseOptions database;

    @Option(names = "--once", description = "Drain the backlog, print the summary and exit.")
    boolean once;

    @Mixin
    DropDirOption dropDir;

    @Mixin
    LoadOptions load;

    @Override
    public Integer call() throws Exception {
        Settings settings = database.settings(overrides());
        PrintWriter out = out();
        try (Loader loader = Loader.open(settings, operations(settings))) {
            loader.warehouse().embedded().ifPresent(embedded -> out.printf(
                    "Embedded PostgreSQL at %s (psql -h localhost -p %d -U postgres warehouse)%n", embedded.jdbcUrl(), embedded.port()));
            IngestDaemon daemon = loader.daemon();
            if (!once) {
                daemon.runUntilStopped();
                return 0;
            }
            daemon.start();
            daemon.awaitDrained(Duration.ofDays(365));
            IngestStatistics.Snapshot totals = daemon.statistics().snapshot();
            out.println(totals.summary());
            out.flush();
            return totals.failed() > 0 ? EXIT_FILE_FAILED : 0;
        }
    }

    /**
     * The daemon serves HTTP and logs progress lines; {@code --once} draws a progress bar on a terminal
     * and serves HTTP only when {@code datalog.http.enabled} says so (it must not clash with a running daemon's port).
     */
    private OperationsSettings operations(Settings settings) {
        OperationsSettings operations = OperationsSettings.from(settings);
        if (!once) {
            return operations;
        }
        boolean http = settings.getBoolean(OperationsSettings.HTTP_ENABLED, false);
        ProgressStyle style = Terminal.isInteractive() ? ProgressStyle.TERMINAL_BAR : ProgressStyle.LOG_LINES;
        return operations.withHttpEnabled(http).withProgress(style, operations.progressInterval());
    }

    private Map<String, String> overrides() {
        Map<String, String> overrides = new HashMap<>(load.overrides());
        overrides.putAll(dropDir.overrides());
        return overrides;
    }
}
