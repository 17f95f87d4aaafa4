package com.datawow.datalog.monitoring;

import org.apache.camel.test.AvailablePortFinder;
import com.datawow.datalog.testing.InstalledTool;
import com.datawow.datalog.testing.LoaderChecks;
import org.apache.camel.util.json.DeserializationException;
import org.apache.camel.util.json.JsonObject;
import org.apache.camel.util.json.Jsoner;
import org.yaml.snakeyaml.Yaml;

import java.io.File;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.TimeUnit;

/**
 * The real {@code prometheus} binary (Debian's package) running monitoring/prometheus/prometheus.yml
 * and its rules against a loader on this machine, on a free loopback port, with a data directory
 * of its own. Only what a test must change is changed: the loader's address, and one-second scrape
 * and evaluation intervals so the test waits seconds rather than minutes.
 */
final class PrometheusServer implements AutoCloseable {

    private static final Duration START_TIMEOUT = Duration.ofSeconds(60);
    private static final Duration STOP_TIMEOUT = Duration.ofSeconds(15);

    private final Process process;
    private final int port;
    private final Path log;
    private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();

    private PrometheusServer(Process process, int port, Path log) {
        this.process = process;
        this.port = port;
        this.log = log;
    }

    static PrometheusServer start(InstalledTool prometheus, Path workDir, String loaderAddress) throws IOException, InterruptedException {
        Path config = workDir.resolve("prometheus.yml");
        Files.writeString(config, new Yaml().dump(configScraping(loaderAddress)));
        Path log = workDir.resolve("prometheus.log");
        int port = AvailablePortFinder.getNextAvailable();
        Process process = new ProcessBuilder(prometheus.executable().toString(),
                "--config.file=" + config,
                "--storage.tsdb.path=" + workDir.resolve("data"),
                "--web.listen-address=127.0.0.1:" + port)
                .redirectErrorStream(true).redirectOutput(log.toFile())
                .redirectInput(ProcessBuilder.Redirect.from(new File("/dev/null")))
                .start();
        PrometheusServer server = new PrometheusServer(process, port, log);
        try {
            LoaderChecks.awaitUntil("Prometheus is ready on port " + port, START_TIMEOUT, server::ready, server::diagnosis);
        } catch (AssertionError | RuntimeException | InterruptedException e) {
            server.close();
            throw e;
        }
        return server;
    }

    /** monitoring/prometheus/prometheus.yml with the loader at {@code loaderAddress}, 1 s intervals and absolute rule paths. */
    @SuppressWarnings("unchecked")
    private static Map<String, Object> configScraping(String loaderAddress) {
        Map<String, Object> config = MonitoringFiles.yaml(MonitoringFiles.PROMETHEUS_CONFIG);
        Map<String, Object> global = (Map<String, Object>) config.get("global");
        global.put("scrape_interval", "1s");
        global.put("evaluation_interval", "1s");
        Path configDir = MonitoringFiles.PROMETHEUS_CONFIG.getParent();
        config.put("rule_files", ((List<String>) config.get("rule_files")).stream()
                .map(pattern -> configDir.resolve(pattern).toString()).toList());
        Map<String, Object> loaderJob = ((List<Map<String, Object>>) config.get("scrape_configs")).stream()
                .filter(job -> MonitoringFiles.LOADER_JOB.equals(job.get("job_name"))).findFirst()
                .orElseThrow(() -> new AssertionError("prometheus.yml has no job " + MonitoringFiles.LOADER_JOB));
        loaderJob.put("static_configs", List.of(Map.of("targets", List.of(loaderAddress))));
        return config;
    }

    /** {@code /api/v1/query}: the {@code data} of a successful answer; fails the test on an error answer. */
    JsonObject query(String promql) {
        JsonObject answer = instantQuery(promql);
        refusal(answer).ifPresent(error -> {
            throw new AssertionError("Prometheus refused " + promql + ": " + error);
        });
        return (JsonObject) answer.get("data");
    }

    /** Why Prometheus refuses to run {@code promql} (a parse or evaluation error), or empty if it runs it. */
    Optional<String> refusal(String promql) {
        return refusal(instantQuery(promql));
    }

    private JsonObject instantQuery(String promql) {
        return get("/api/v1/query?query=" + URLEncoder.encode(promql, StandardCharsets.UTF_8));
    }

    private static Optional<String> refusal(JsonObject answer) {
        return "success".equals(answer.getString("status"))
                ? Optional.empty()
                : Optional.of(answer.getString("errorType") + ": " + answer.getString("error"));
    }

    /** The value of the single series an instant query returns, or NaN when it returns none. */
    double value(String promql) {
        List<Object> result = query(promql).getCollection("result");
        if (result.isEmpty()) {
            return Double.NaN;
        }
        if (result.size() > 1) {
            throw new AssertionError(promql + " returned " + result.size() + " series: " + result);
        }
        List<Object> sample = ((JsonObject) result.get(0)).getCollection("value");
        return Double.parseDouble((String) sample.get(1));
    }

    /** A GET of the HTTP API, parsed. */
    JsonObject get(String pathAndQuery) {
        HttpRequest request = HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + pathAndQuery))
                .timeout(Duration.ofSeconds(10)).GET().build();
        try {
            return (JsonObject) Jsoner.deserialize(http.send(request, HttpResponse.BodyHandlers.ofString()).body());
        } catch (IOException e) {
            throw new UncheckedIOException("Prometheus did not answer " + pathAndQuery + "\n" + diagnosis(), e);
        } catch (DeserializationException e) {
            throw new AssertionError("Prometheus answered " + pathAndQuery + " with something other than JSON", e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("Interrupted while asking Prometheus", e);
        }
    }

    String diagnosis() {
        try {
            return "Prometheus " + (process.isAlive() ? "running" : "exited with " + process.exitValue()) + "; its log:\n" + Files.readString(log);
        } catch (IOException e) {
            return "Prometheus's log is unreadable: " + e.getMessage();
        }
    }

    private boolean ready() {
        if (!process.isAlive()) {
            throw new AssertionError("Prometheus did not start\n" + diagnosis());
        }
        HttpRequest request = HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + "/-/ready"))
                .timeout(Duration.ofSeconds(2)).GET().build();
        try {
            return http.send(request, HttpResponse.BodyHandlers.discarding()).statusCode() == 200;
        } catch (IOException notYet) {
            return false;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return false;
        }
    }

    @Override
    public void close() throws InterruptedException {
        process.destroy();
        if (!process.waitFor(STOP_TIMEOUT.toMillis(), TimeUnit.MILLISECONDS)) {
            process.destroyForcibly().waitFor();
        }
    }
}
