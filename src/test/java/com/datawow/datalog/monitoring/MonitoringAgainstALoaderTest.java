package com.datawow.datalog.monitoring;

import com.datawow.datalog.ops.OperationsSettings;
import org.apache.camel.test.AvailablePortFinder;
import com.datawow.datalog.testing.InstalledTool;
import com.datawow.datalog.testing.LoaderChecks;
import com.datawow.datalog.testing.PostgresExtension;
import com.datawow.datalog.testing.RunningLoader;
import com.datawow.datalog.testing.TestDatabase;
import com.datawow.datalog.tools.generate.GenerationProgress;
import com.datawow.datalog.tools.generate.MinuteRange;
import com.datawow.datalog.tools.generate.SampleFileGenerator;
import org.apache.camel.util.json.JsonObject;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Collectors;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The monitoring files against the real thing: a loader that has loaded real sample files serves
 * every metric the dashboards and rules use, and the real {@code prometheus} binary scrapes it
 * with monitoring/prometheus/prometheus.yml, sees the loaded rows, runs every dashboard query,
 * evaluates the rules without error and raises an alert for a rejected file.
 */
@ExtendWith(PostgresExtension.class)
class MonitoringAgainstALoaderTest {

    private static final int FILES = 3;
    private static final int ROWS_PER_FILE = 1_914;
    private static final Duration WAIT = Duration.ofSeconds(60);

    @TempDir
    static Path work;

    private static Path dropDir;
    private static int loaderPort;
    private static RunningLoader loader;
    private static PrometheusServer prometheus;

    @BeforeAll
    static void aLoaderWithHttpOnHasLoadedRealFiles(TestDatabase database) throws Exception {
        dropDir = Files.createDirectories(work.resolve("drop"));
        loaderPort = AvailablePortFinder.getNextAvailable();
        loader = RunningLoader.start(database, database.jdbcUrl(), RunningLoader.fastSettings(dropDir),
                OperationsSettings.quiet().withHttp("127.0.0.1", loaderPort));
        new SampleFileGenerator(dropDir, 1, GenerationProgress.NONE).generate(MinuteRange.starting(MinuteRange.MONTH_FIRST, FILES));
        assertThat(loader.awaitDrained(WAIT).loaded()).isEqualTo(FILES);
    }

    @AfterAll
    static void stopPrometheusAndTheLoader() throws InterruptedException {
        try {
            if (prometheus != null) {
                prometheus.close();
            }
        } finally {
            if (loader != null) {
                loader.close();
            }
        }
    }

    @Test
    void everyMetricTheDashboardsAndTheRulesUseIsServedAfterARealLoad() throws Exception {
        Set<String> used = MonitoringFiles.metricNamesTheLoaderMustServe();

        assertThat(used).as("names read from the rules and dashboards").contains("datalog_rows_loaded_total", "datalog_database_up");
        assertThat(servedNames()).containsAll(used);
    }

    @Test
    void theDashboardsShowEverySeriesOfTheLoadersOwn() throws Exception {
        Set<String> shown = MonitoringFiles.dashboardQueries().stream()
                .flatMap(query -> PromQl.metricNames(query.expr()).stream()).collect(Collectors.toSet());
        Set<String> recordedShown = MonitoringFiles.rules().stream()
                .filter(rule -> shown.contains(rule.record()))
                .flatMap(rule -> PromQl.metricNames(rule.expr()).stream()).collect(Collectors.toSet());

        Set<String> ownSeries = servedNames().stream().filter(name -> name.startsWith("datalog_")).collect(Collectors.toCollection(TreeSet::new));

        assertThat(ownSeries).isNotEmpty();
        assertThat(ownSeries).allSatisfy(name -> assertThat(shown.contains(name) || recordedShown.contains(name))
                .as("%s is on a dashboard, directly or through a recording rule", name).isTrue());
    }

    @Test
    void prometheusScrapesTheLoaderAndShowsTheLoadedRows() throws Exception {
        PrometheusServer server = prometheus();
        String rows = "datalog_rows_loaded_total{job=\"" + MonitoringFiles.LOADER_JOB + "\"}";

        LoaderChecks.awaitUntil(rows + " = " + FILES * ROWS_PER_FILE + " in Prometheus", WAIT,
                () -> server.value(rows) == FILES * ROWS_PER_FILE, () -> rows + " = " + server.value(rows) + "\n" + server.diagnosis());

        assertThat(server.value("up{job=\"" + MonitoringFiles.LOADER_JOB + "\"}")).isEqualTo(1);
        assertThat(server.value("datalog_database_up")).isEqualTo(1);
    }

    @Test
    void everyDashboardQueryRunsInPrometheus() throws Exception {
        PrometheusServer server = prometheus();
        awaitScraped(server);

        List<MonitoringFiles.PanelQuery> queries = MonitoringFiles.dashboardQueries();

        assertThat(queries).isNotEmpty();
        // Grafana's interval variables, as Grafana would fill them in for a 1 s scrape interval
        assertThat(queries).allSatisfy(query -> assertThat(server.refusal(query.expr()
                .replace("$__rate_interval", "4s").replace("$__interval", "1s"))).as("%s: %s", query.panel(), query.expr()).isEmpty());
    }

    @Test
    void theRulesEvaluateOnTheLoadersSeriesAndARejectedFileRaisesDatalogFileFailed() throws Exception {
        PrometheusServer server = prometheus();
        awaitScraped(server);
        Instant scraped = Instant.now();
        LoaderChecks.awaitUntil("every rule has been evaluated on the scraped series", WAIT,
                () -> rules(server).stream().allMatch(rule -> Instant.parse(rule.getString("lastEvaluation")).isAfter(scraped)),
                server::diagnosis);

        assertThat(rules(server)).allSatisfy(rule -> assertThat(rule.getString("health"))
                .as("%s: %s", rule.getString("name"), rule.getString("lastError")).isEqualTo("ok"));
        assertThat(rules(server)).filteredOn(rule -> "alerting".equals(rule.getString("type")))
                .as("a healthy loader raises no alert").allSatisfy(rule -> assertThat(rule.getString("state")).isEqualTo("inactive"));
        assertThat(server.value("datalog:backlog_eta_seconds")).as("nothing waits").isZero();

        Path bad = dropDir.resolve(".not-parquet.tmp");
        Files.writeString(bad, "these are not the bytes of a Parquet file");
        Files.move(bad, dropDir.resolve("2023-01-02 00:00:00.parquet"), StandardCopyOption.ATOMIC_MOVE);

        LoaderChecks.awaitUntil("DatalogFileFailed fires", WAIT, () -> firing(server).contains("DatalogFileFailed"),
                () -> "firing: " + firing(server) + "\n" + server.diagnosis());
        assertThat(firing(server)).containsExactly("DatalogFileFailed");
    }

    // ---- helpers ---------------------------------------------------------------------------------

    /** Prometheus on this loader, started once for the tests that need it; skips them where it is not installed. */
    private static synchronized PrometheusServer prometheus() throws IOException, InterruptedException {
        if (prometheus == null) {
            InstalledTool binary = InstalledTool.require("prometheus", "prometheus");
            prometheus = PrometheusServer.start(binary, Files.createDirectories(work.resolve("prometheus")), "127.0.0.1:" + loaderPort);
        }
        return prometheus;
    }

    private static void awaitScraped(PrometheusServer server) throws InterruptedException {
        LoaderChecks.awaitUntil("Prometheus has scraped the loader", WAIT,
                () -> server.value("datalog_rows_loaded_total") == FILES * ROWS_PER_FILE, server::diagnosis);
    }

    /** The names of the series in one scrape of {@code /observe/metrics}. */
    private static Set<String> servedNames() throws IOException, InterruptedException {
        HttpRequest request = HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + loaderPort + "/observe/metrics"))
                .timeout(Duration.ofSeconds(10)).GET().build();
        HttpResponse<String> scrape = HttpClient.newHttpClient().send(request, HttpResponse.BodyHandlers.ofString());
        assertThat(scrape.statusCode()).isEqualTo(200);
        return scrape.body().lines()
                .filter(line -> !line.isBlank() && !line.startsWith("#"))
                .map(line -> line.split("[{ ]", 2)[0])
                .collect(Collectors.toCollection(TreeSet::new));
    }

    /** Every rule Prometheus has loaded, as {@code /api/v1/rules} describes it (name, type, health, state, ...). */
    private static List<JsonObject> rules(PrometheusServer server) {
        JsonObject data = (JsonObject) server.get("/api/v1/rules").get("data");
        List<JsonObject> groups = data.getCollection("groups");
        return groups.stream().flatMap(group -> group.<List<JsonObject>>getCollection("rules").stream()).toList();
    }

    /** The names of the alerts firing now. */
    private static List<String> firing(PrometheusServer server) {
        JsonObject data = (JsonObject) server.get("/api/v1/alerts").get("data");
        List<JsonObject> alerts = data.getCollection("alerts");
        return alerts.stream().filter(alert -> "firing".equals(alert.getString("state")))
                .map(alert -> ((JsonObject) alert.get("labels")).getString("alertname")).sorted().toList();
    }
}
