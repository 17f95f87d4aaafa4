package com.datawow.datalog.tools.bench;

import com.datawow.datalog.tools.LoaderJvm;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Pattern;

/** Runs the loader as a child process ({@code run --once}), timing it and sampling its peak RSS. */
public final class RunOnceTimer {

    /** The line {@code run --once} prints last: "N files: a loaded, ...; R rows in S s (X rows/s)". */
    static final Pattern SUMMARY = Pattern.compile("^\\d+ files: \\d+ loaded, .* rows in .* s \\(.* rows/s\\)$");
    private static final long RSS_SAMPLE_MILLIS = 100;

    private final LoaderJvm loader;
    private final String heap;

    public RunOnceTimer(LoaderJvm loader, String heap) {
        this.loader = loader;
        this.heap = heap;
    }

    /**
     * Starts {@code run --once} with {@code arguments}, output (stdout and stderr) to {@code log}, HTTP off,
     * the password in the environment (never on the command line), and waits for it.
     */
    public LoaderRun run(List<String> arguments, String password, Path log) throws IOException, InterruptedException {
        ProcessBuilder builder = new ProcessBuilder(loader.command(heap, List.of(), arguments))
                .redirectErrorStream(true)
                .redirectOutput(log.toFile());
        Map<String, String> environment = builder.environment();
        environment.put("DATALOG_HTTP_ENABLED", "false");
        environment.put("DATALOG_DB_PASSWORD", password);
        long start = System.nanoTime();
        Process process = builder.start();
        int exitCode;
        long peakKb;
        try (PeakRssSampler rss = new PeakRssSampler(process.pid(), RSS_SAMPLE_MILLIS)) {
            exitCode = process.waitFor();
            peakKb = rss.peakKb();
        } catch (InterruptedException e) {
            process.destroyForcibly();
            throw e;
        }
        Duration wall = Duration.ofNanos(System.nanoTime() - start);
        List<String> lines = new String(Files.readAllBytes(log), StandardCharsets.UTF_8).lines().toList();
        Optional<String> summary = lines.stream().map(String::strip).filter(line -> SUMMARY.matcher(line).matches()).reduce((a, b) -> b);
        List<String> last = lines.subList(Math.max(0, lines.size() - 20), lines.size());
        return new LoaderRun(exitCode, wall, peakKb, summary, log, List.copyOf(last));
    }
}
