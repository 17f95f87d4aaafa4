package com.datawow.datalog.ops;

import org.apache.camel.test.AvailablePortFinder;
import com.datawow.datalog.testing.PostgresExtension;
import com.datawow.datalog.testing.RunningLoader;
import com.datawow.datalog.testing.TcpProxy;
import com.datawow.datalog.testing.TestDatabase;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.time.Duration;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import static org.assertj.core.api.Assertions.assertThat;

/** Health and Prometheus metrics over the embedded HTTP server, read with a plain HTTP client. */
@ExtendWith(PostgresExtension.class)
class HttpObservabilityTest {

    private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();

    @Test
    void healthIsUpAndMetricsCountTheLoadedFiles(TestDatabase database, @TempDir Path staging, @TempDir Path dropDir) throws Exception {
        SampleFiles samples = SampleFiles.generate(staging, 0, 3);
        int port = AvailablePortFinder.getNextAvailable();
        try (RunningLoader loader = RunningLoader.start(database, database.jdbcUrl(), RunningLoader.fastSettings(dropDir),
                OperationsSettings.quiet().withHttp("127.0.0.1", port))) {
            samples.drop(dropDir, 3);
            loader.awaitDrained(Duration.ofMinutes(1));

            HttpResponse<String> health = get(port, "/observe/health");
            assertThat(health.statusCode()).as(health.body()).isEqualTo(200);
            assertThat(health.body()).containsPattern("\"status\"\\s*:\\s*\"UP\"");
            assertThat(get(port, "/observe/health/ready").statusCode()).isEqualTo(200);
            assertThat(get(port, "/observe/health/live").statusCode()).isEqualTo(200);

            HttpResponse<String> metrics = get(port, "/observe/metrics");
            assertThat(metrics.statusCode()).isEqualTo(200);
            assertThat(metrics.headers().firstValue("content-type")).hasValueSatisfying(type -> assertThat(type).startsWith("text/plain"));
            String text = metrics.body();
            assertThat(sample(text, "datalog_files_total{outcome=\"loaded\"}")).isEqualTo(3);
            assertThat(sample(text, "datalog_files_total{outcome=\"duplicate\"}")).isEqualTo(0);
            assertThat(sample(text, "datalog_files_total{outcome=\"replaced\"}")).isEqualTo(0);
            assertThat(sample(text, "datalog_files_total{outcome=\"failed\"}")).isEqualTo(0);
            assertThat(sample(text, "datalog_rows_loaded_total")).isEqualTo(3 * 1_914);
            assertThat(sample(text, "datalog_rows_rejected_total")).as("reject-file mode sets no row aside").isEqualTo(0);
            assertThat(sample(text, "datalog_backlog_files")).isEqualTo(0);
            // one batch per file: a sample file's 1,914 rows fit in one 10,000-row batch
            assertThat(sample(text, "datalog_batch_write_seconds_count")).isEqualTo(3);
            assertThat(sample(text, "datalog_batch_write_seconds_sum")).isPositive();
            assertThat(sample(text, "datalog_batch_write_seconds_bucket{le=\"+Inf\"}")).isEqualTo(3);
            assertThat(sample(text, "datalog_database_up")).isEqualTo(1);
            assertThat(sample(text, "datalog_last_success_timestamp_seconds"))
                    .isBetween(System.currentTimeMillis() / 1000.0 - 120, System.currentTimeMillis() / 1000.0 + 1);
            assertThat(text).as("Camel's own route meters are there too").contains("routeId=\"ingest-files\"");
        }
    }

    @Test
    void readinessAndTheDatabaseMetricGoDownWhileTheDatabaseIsUnreachableAndLivenessStaysUp(TestDatabase database, @TempDir Path dropDir)
            throws Exception {
        int port = AvailablePortFinder.getNextAvailable();
        try (TcpProxy proxy = TcpProxy.forJdbcUrl(database.jdbcUrl());
             RunningLoader ignored = RunningLoader.start(database, proxy.proxiedUrl(database.jdbcUrl()), RunningLoader.fastSettings(dropDir),
                     OperationsSettings.quiet().withHttp("127.0.0.1", port))) {
            assertThat(awaitStatus(port, "/observe/health/ready", 200).statusCode()).isEqualTo(200);
            assertThat(sample(get(port, "/observe/metrics").body(), "datalog_database_up")).isEqualTo(1);

            proxy.cut();
            HttpResponse<String> ready = get(port, "/observe/health/ready");
            assertThat(ready.statusCode()).as(ready.body()).isEqualTo(503);
            assertThat(ready.body()).containsPattern("\"status\"\\s*:\\s*\"DOWN\"").containsPattern("\"name\"\\s*:\\s*\"database\"");
            assertThat(get(port, "/observe/health/live").statusCode()).as("alive: it retries, it must not be restarted").isEqualTo(200);
            long scrapeStarted = System.nanoTime();
            HttpResponse<String> metrics = get(port, "/observe/metrics");
            assertThat(Duration.ofNanos(System.nanoTime() - scrapeStarted)).as("a scrape waits for the database at most 3 s")
                    .isLessThan(Duration.ofSeconds(5));
            assertThat(metrics.statusCode()).isEqualTo(200);
            assertThat(sample(metrics.body(), "datalog_database_up")).isEqualTo(0);

            proxy.restore();
            assertThat(awaitStatus(port, "/observe/health/ready", 200).statusCode()).isEqualTo(200);
            assertThat(sample(get(port, "/observe/metrics").body(), "datalog_database_up")).isEqualTo(1);
        }
    }

    @Test
    void theServerListensOnlyWhereConfigured(TestDatabase database, @TempDir Path dropDir) throws Exception {
        int port = AvailablePortFinder.getNextAvailable();
        try (RunningLoader ignored = RunningLoader.start(database, database.jdbcUrl(), RunningLoader.fastSettings(dropDir),
                OperationsSettings.quiet().withHttp("127.0.0.1", port))) {
            assertThat(awaitStatus(port, "/observe/health", 200).statusCode()).isEqualTo(200);
            // not on every interface: a non-loopback address of this machine (if it has one) is refused
            java.net.InetAddress other = nonLoopbackAddress();
            if (other != null) {
                assertThat(connects(other, port)).as("listening on %s", other).isFalse();
            }
        }
    }

    private HttpResponse<String> get(int port, String path) throws IOException, InterruptedException {
        HttpRequest request = HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + path)).timeout(Duration.ofSeconds(10)).GET().build();
        return http.send(request, HttpResponse.BodyHandlers.ofString());
    }

    /** Asks until the answer has {@code status} (checks settle once the routes have polled), at most 10 s. */
    private HttpResponse<String> awaitStatus(int port, String path, int status) throws IOException, InterruptedException {
        long deadline = System.nanoTime() + Duration.ofSeconds(10).toNanos();
        HttpResponse<String> response = get(port, path);
        while (response.statusCode() != status && System.nanoTime() < deadline) {
            Thread.sleep(200);
            response = get(port, path);
        }
        assertThat(response.statusCode()).as("%s: %s", path, response.body()).isEqualTo(status);
        return response;
    }

    /** The value of one Prometheus sample line, e.g. {@code name{label="x"} 3.0}. */
    private static double sample(String text, String nameAndLabels) {
        Matcher matcher = Pattern.compile("(?m)^" + Pattern.quote(nameAndLabels) + " (\\S+)$").matcher(text);
        assertThat(matcher.find()).as("metric %s in%n%s", nameAndLabels, text).isTrue();
        return Double.parseDouble(matcher.group(1));
    }

    private static java.net.InetAddress nonLoopbackAddress() throws IOException {
        return java.net.NetworkInterface.networkInterfaces()
                .flatMap(java.net.NetworkInterface::inetAddresses)
                .filter(address -> !address.isLoopbackAddress() && address instanceof java.net.Inet4Address)
                .findFirst().orElse(null);
    }

    private static boolean connects(java.net.InetAddress address, int port) {
        try (java.net.Socket socket = new java.net.Socket()) {
            socket.connect(new java.net.InetSocketAddress(address, port), 1_000);
            return true;
        } catch (IOException refused) {
            return false;
        }
    }
}
