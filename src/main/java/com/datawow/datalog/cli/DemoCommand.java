package com.datawow.datalog.cli;

import com.datawow.datalog.config.Settings;
import com.datawow.datalog.daemon.IngestDaemon;
import com.datawow.datalog.daemon.Loader;
import com.datawow.datalog.db.Warehouse;
import com.datawow.datalog.ingest.DropDirectory;
import com.datawow.datalog.ingest.IngestSettings;
import com.datawow.datalog.ops.OperationsSettings;
import com.datawow.datalog.ops.ProgressStyle;
import com.datawow.datalog.report.ReportQuery;
import com.datawow.datalog.report.TextReport;
import com.datawow.datalog.tools.generate.GenerationSummary;
import com.datawow.datalog.tools.generate.MinuteRange;
import com.datawow.datalog.tools.generate.SampleFileGenerator;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

import java.io.IOException;
import java.io.PrintWriter;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.HashMap;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.CountDownLatch;
import java.util.stream.Stream;

/**
 * {@code demo}: the whole job in one command on a machine with only a JDK. Embedded PostgreSQL (unless
 * a database is configured), a slice of the sample month generated into an empty drop directory,
 * loaded with progress, a summary, then the database and the daemon keep running until Ctrl-C.
 */
@Command(name = "demo", mixinStandardHelpOptions = true,
        description = {"Starts the embedded PostgreSQL (unless --jdbc-url is given), generates the first --minutes of the sample "
                + "month into the drop directory if it is empty (no *.parquet, nothing in .done/), loads them with progress, "
                + "prints a summary and how to connect with psql, and keeps running (console, HTTP health and metrics on) until Ctrl-C."})
final class DemoCommand extends CliCommand {

    @Mixin
    DatabaseOptions database;

    @Option(names = "--minutes", paramLabel = "N", defaultValue = "60",
            description = "Minutes of sample data to generate, from 2023-01-01 00:00: one file each (default ${DEFAULT-VALUE}: "
                    + "00:00 to 00:59, 60 files).")
    long minutes;

    @Mixin
    DropDirOption dropDir;

    @Option(names = "--http-port", paramLabel = "PORT", description = "Port of the console, /observe/health and /observe/metrics (default 8080; env DATALOG_HTTP_PORT).")
    Integer httpPort;

    @Override
    public Integer call() throws Exception {
        PrintWriter out = out();
        RunningDemo demo = start(out);
        CountDownLatch stopped = new CountDownLatch(1);
        Runtime.getRuntime().addShutdownHook(new Thread(() -> {
            demo.close();
            stopped.countDown();
        }, "demo-stop"));
        out.println("Running; drop more files into " + demo.dropDir().toAbsolutePath() + " to load them. Ctrl-C stops the loader and the database.");
        out.flush();
        stopped.await();
        return 0;
    }

    /** Everything but the wait for Ctrl-C: the caller owns (and closes) what is running. */
    RunningDemo start(PrintWriter out) throws Exception {
        if (minutes < 1) {
            throw usageError("--minutes must be at least 1");
        }
        Settings settings = database.settings(overrides());
        IngestSettings ingest = IngestSettings.from(settings);
        generateIfEmpty(ingest.dropDir(), out);

        OperationsSettings operations = OperationsSettings.from(settings);
        operations = operations.withProgress(Terminal.isInteractive() ? ProgressStyle.TERMINAL_BAR : ProgressStyle.LOG_LINES,
                operations.progressInterval());
        Loader loader = Loader.open(settings, operations);
        try {
            IngestDaemon daemon = loader.daemon();
            out.printf(Locale.ROOT, "Loading %,d waiting file(s) from %s%n", daemon.dropDirectory().waitingFiles(), ingest.dropDir().toAbsolutePath());
            out.flush();
            daemon.start();
            daemon.awaitDrained(Duration.ofDays(1));
            out.println(daemon.statistics().snapshot().summary());
            out.print(TextReport.render(new ReportQuery(loader.warehouse().dataSource()).run()));
            printHowToLook(loader.warehouse(), operations, out);
            return new RunningDemo(loader, ingest.dropDir());
        } catch (Exception | Error e) {
            loader.close();
            throw e;
        }
    }

    private void generateIfEmpty(Path dropDir, PrintWriter out) throws IOException, InterruptedException {
        DropDirectory directory = new DropDirectory(dropDir).create();
        if (directory.waitingFiles() > 0 || hasEntries(directory.done())) {
            out.printf(Locale.ROOT, "%s already has files (waiting or in .done/): nothing generated%n", dropDir.toAbsolutePath());
            return;
        }
        MinuteRange range = MinuteRange.starting(MinuteRange.MONTH_FIRST, minutes);
        out.printf(Locale.ROOT, "Generating %,d sample file(s), %s, into %s%n", range.size(), range, dropDir.toAbsolutePath());
        out.flush();
        GenerationSummary summary = new SampleFileGenerator(dropDir, 2, new ProgressLines(out)).generate(range);
        out.printf(Locale.ROOT, "Generated %,d file(s), %,d rows%n", summary.files(), summary.rows());
    }

    private static boolean hasEntries(Path dir) {
        if (!Files.isDirectory(dir)) {
            return false;
        }
        try (Stream<Path> entries = Files.list(dir)) {
            return entries.findAny().isPresent();
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot list " + dir.toAbsolutePath(), e);
        }
    }

    private static void printHowToLook(Warehouse warehouse, OperationsSettings operations, PrintWriter out) {
        warehouse.embedded().ifPresentOrElse(
                embedded -> out.printf(Locale.ROOT, "Database: psql -h localhost -p %d -U postgres warehouse%n", embedded.port()),
                () -> out.printf(Locale.ROOT, "Database: %s%n", warehouse.settings().jdbcUrl().orElse("?")));
        if (operations.httpEnabled()) {
            out.printf(Locale.ROOT, "Console:  http://%s:%d/%n", operations.httpHost(), operations.httpPort());
            out.printf(Locale.ROOT, "Health:   http://%s:%d/observe/health   Metrics: http://%s:%d/observe/metrics%n",
                    operations.httpHost(), operations.httpPort(), operations.httpHost(), operations.httpPort());
        }
        out.println("JMX:      jconsole, local process, MBean org.apache.camel/datalog-loader/routes/ingest-files (suspend/resume)");
        out.flush();
    }

    private Map<String, String> overrides() {
        Map<String, String> overrides = new HashMap<>(dropDir.overrides());
        if (httpPort != null) {
            overrides.put(OperationsSettings.HTTP_PORT, httpPort.toString());
        }
        return overrides;
    }

    /** The demo's loader and database, running. */
    record RunningDemo(Loader loader, Path dropDir) implements AutoCloseable {
        @Override
        public void close() {
            loader.close();
        }
    }
}
