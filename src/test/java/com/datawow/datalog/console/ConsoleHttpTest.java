package com.datawow.datalog.console;

import com.datawow.datalog.ops.OperationsSettings;
import com.datawow.datalog.ops.OperatorCredentials;
import com.datawow.datalog.parquet.SampleRows;
import com.datawow.datalog.parquet.SensorLogFixture;
import org.apache.camel.test.AvailablePortFinder;
import com.datawow.datalog.testing.PostgresExtension;
import com.datawow.datalog.testing.RunningLoader;
import com.datawow.datalog.testing.TestDatabase;
import org.apache.camel.ServiceStatus;
import org.apache.camel.util.json.JsonObject;
import org.apache.camel.util.json.Jsoner;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.Socket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.time.LocalDateTime;
import java.util.Base64;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The console over plain HTTP, as scripts and attackers meet it: one port with health and
 * metrics, the JSON for scripts, and actions that only the console's own requests (or the
 * operator's, on a non-loopback bind) can trigger.
 */
@ExtendWith(PostgresExtension.class)
class ConsoleHttpTest {

    private static final OperatorCredentials OPERATOR = new OperatorCredentials("operator", "s3cret pass");
    private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();

    @Test
    void theConsoleHealthAndMetricsShareOnePortAndTheJsonHasTheDatabasesNumbers(TestDatabase database, @TempDir Path dropDir) throws Exception {
        int port = AvailablePortFinder.getNextAvailable();
        try (RunningLoader loader = RunningLoader.start(database, database.jdbcUrl(), RunningLoader.fastSettings(dropDir),
                OperationsSettings.quiet().withHttp("127.0.0.1", port))) {
            dropTwoFiles(dropDir);
            loader.awaitDrained(Duration.ofMinutes(1));

            HttpResponse<String> page = send(port, "GET", "/", Map.of(), "");
            HttpResponse<String> status = send(port, "GET", "/api/status", Map.of(), "");

            assertThat(page.statusCode()).isEqualTo(200);
            assertThat(page.headers().firstValue("content-type")).hasValue("text/html; charset=utf-8");
            assertThat(page.headers().firstValue("content-security-policy")).hasValueSatisfying(csp -> assertThat(csp).contains("frame-ancestors 'none'"));
            assertThat(page.body()).contains("<title>datalog-loader console</title>", "/console/console.js");
            assertThat(send(port, "GET", "/console/console.js", Map.of(), "").headers().firstValue("content-type"))
                    .hasValue("text/javascript; charset=utf-8");
            assertThat(send(port, "GET", "/console/nothing.js", Map.of(), "").statusCode()).isEqualTo(404);
            assertThat(send(port, "GET", "/observe/health", Map.of(), "").statusCode()).isNotIn(401, 403, 404);
            assertThat(send(port, "GET", "/observe/metrics", Map.of(), "").body()).contains("datalog_rows_loaded_total 200.0");

            assertThat(status.statusCode()).isEqualTo(200);
            JsonObject json = (JsonObject) Jsoner.deserialize(status.body());
            assertThat(json.<Map<String, Object>>getMap("route")).containsEntry("id", "ingest-files").containsEntry("state", "Started");
            assertThat(json.getBoolean("database_reachable")).isTrue();
            JsonObject files = json.getMap("files");
            assertThat(files.getLong("loaded")).isEqualTo(database.queryLong("SELECT count(*) FROM ingest_ledger WHERE status = 'loaded'")).isEqualTo(2);
            assertThat(files.getLong("waiting")).isZero();
            assertThat(json.getLong("rows_loaded")).isEqualTo(database.queryLong("SELECT count(*) FROM datalog")).isEqualTo(200);
            assertThat(json.<List<Object>>getCollection("recent_files")).hasSize(2);
            assertThat(json.<JsonObject>getMap("failed_files").getLong("total")).isZero();
            assertThat(json.<JsonObject>getMap("throughput").getLong("interval_seconds")).isEqualTo(5);
            assertThat(json.getBoolean("actions_need_credentials")).isFalse();
        }
    }

    @Test
    void anActionNeedsTheConsolesHeaderAndIsRefusedFromAnotherSite(TestDatabase database, @TempDir Path dropDir) throws Exception {
        int port = AvailablePortFinder.getNextAvailable();
        try (RunningLoader loader = RunningLoader.start(database, database.jdbcUrl(), RunningLoader.fastSettings(dropDir),
                OperationsSettings.quiet().withHttp("127.0.0.1", port))) {
            String self = "http://127.0.0.1:" + port;

            List<HttpResponse<String>> refused = List.of(
                    send(port, "POST", "/api/route/suspend", Map.of(), ""),                      // a cross-site form's POST
                    send(port, "POST", "/api/route/suspend?X-Datalog-Console=1", Map.of(), ""),  // the header smuggled as a parameter
                    send(port, "POST", "/api/route/suspend", Map.of(ConsoleAccess.ACTION_HEADER, "1", "Origin", "http://evil.example"), ""),
                    send(port, "POST", "/api/route/suspend", Map.of(ConsoleAccess.ACTION_HEADER, "1", "Origin", "null"), ""),
                    send(port, "POST", "/api/route/suspend", Map.of(ConsoleAccess.ACTION_HEADER, "1", "Sec-Fetch-Site", "cross-site"), ""));

            assertThat(refused).allSatisfy(response -> assertThat(response.statusCode()).as(response.body()).isEqualTo(403));
            assertThat(routeStatus(loader)).isEqualTo(ServiceStatus.Started);
            assertThat(send(port, "GET", "/api/route/suspend", Map.of(ConsoleAccess.ACTION_HEADER, "1"), "").statusCode()).isEqualTo(405);

            HttpResponse<String> suspended = send(port, "POST", "/api/route/suspend",
                    Map.of(ConsoleAccess.ACTION_HEADER, "1", "Origin", self, "Sec-Fetch-Site", "same-origin"), "");
            assertThat(suspended.statusCode()).as(suspended.body()).isEqualTo(200);
            assertThat(suspended.body()).isEqualTo("{\"route\":{\"id\":\"ingest-files\",\"state\":\"Suspended\"}}");
            assertThat(routeStatus(loader)).isEqualTo(ServiceStatus.Suspended);
            assertThat(send(port, "POST", "/api/route/resume", Map.of(ConsoleAccess.ACTION_HEADER, "1"), "").statusCode()).isEqualTo(200);
            assertThat(routeStatus(loader)).isEqualTo(ServiceStatus.Started);

            Map<String, String> json = Map.of(ConsoleAccess.ACTION_HEADER, "1", "Content-Type", "application/json");
            assertThat(send(port, "POST", "/api/retry", json, "{\"file\": \"2023-01-01 00:00:00.parquet\"}").statusCode()).isEqualTo(404);
            assertThat(send(port, "POST", "/api/retry", json, "{\"file\": \"../../etc/passwd\"}").statusCode()).isEqualTo(404);
            assertThat(send(port, "POST", "/api/retry", json, "not json").statusCode()).isEqualTo(400);
        }
    }

    @Test
    void aPageThatRebindsItsOwnNameToLoopbackCannotReadTheConsole(TestDatabase database, @TempDir Path dropDir) throws Exception {
        int port = AvailablePortFinder.getNextAvailable();
        try (RunningLoader ignored = RunningLoader.start(database, database.jdbcUrl(), RunningLoader.fastSettings(dropDir),
                OperationsSettings.quiet().withHttp("127.0.0.1", port))) {
            assertThat(statusLineWithHost(port, "/api/status", "evil.example:" + port)).contains(" 403 ");
            assertThat(statusLineWithHost(port, "/", "evil.example:" + port)).contains(" 403 ");
            assertThat(statusLineWithHost(port, "/api/status", "localhost:" + port)).contains(" 200 ");
            assertThat(statusLineWithHost(port, "/observe/health", "evil.example:" + port)).as("health is not the console's")
                    .doesNotContain(" 403 ");
        }
    }

    @Test
    void onANonLoopbackBindEverythingOfTheConsoleAsksForTheOperatorsCredentials(TestDatabase database, @TempDir Path dropDir) throws Exception {
        int port = AvailablePortFinder.getNextAvailable();
        try (RunningLoader loader = RunningLoader.start(database, database.jdbcUrl(), RunningLoader.fastSettings(dropDir),
                OperationsSettings.quiet().withHttp("0.0.0.0", port).withOperator(OPERATOR))) {
            Map<String, String> operator = Map.of("Authorization", basic("operator", "s3cret pass"));
            Map<String, String> intruder = Map.of("Authorization", basic("operator", "guess"));

            HttpResponse<String> anonymous = send(port, "GET", "/api/status", Map.of(), "");
            assertThat(anonymous.statusCode()).isEqualTo(401);
            assertThat(anonymous.headers().firstValue("www-authenticate")).hasValueSatisfying(value -> assertThat(value).startsWith("Basic realm="));
            assertThat(send(port, "GET", "/", Map.of(), "").statusCode()).isEqualTo(401);
            assertThat(send(port, "GET", "/api/status", intruder, "").statusCode()).isEqualTo(401);
            assertThat(send(port, "GET", "/api/status", operator, "").statusCode()).isEqualTo(200);
            assertThat(send(port, "POST", "/api/route/suspend", Map.of(ConsoleAccess.ACTION_HEADER, "1"), "").statusCode()).isEqualTo(401);
            assertThat(send(port, "POST", "/api/route/suspend", operator, "").statusCode()).as("credentials alone are not enough").isEqualTo(403);
            assertThat(routeStatus(loader)).isEqualTo(ServiceStatus.Started);
            Map<String, String> operatorAction = Map.of("Authorization", basic("operator", "s3cret pass"), ConsoleAccess.ACTION_HEADER, "1");
            assertThat(send(port, "POST", "/api/route/suspend", operatorAction, "").statusCode()).isEqualTo(200);
            assertThat(routeStatus(loader)).isEqualTo(ServiceStatus.Suspended);
            assertThat(send(port, "GET", "/observe/health", Map.of(), "").statusCode()).as("health stays open for probes").isNotIn(401, 403);
        }
    }

    @Test
    void onANonLoopbackBindWithoutCredentialsTheConsoleStaysClosedAndSaysWhy(TestDatabase database, @TempDir Path dropDir) throws Exception {
        int port = AvailablePortFinder.getNextAvailable();
        try (RunningLoader ignored = RunningLoader.start(database, database.jdbcUrl(), RunningLoader.fastSettings(dropDir),
                OperationsSettings.quiet().withHttp("0.0.0.0", port))) {
            HttpResponse<String> page = send(port, "GET", "/", Map.of(), "");

            assertThat(page.statusCode()).isEqualTo(403);
            assertThat(page.body()).contains("datalog.console.user", "DATALOG_CONSOLE_PASSWORD");
            assertThat(send(port, "GET", "/observe/metrics", Map.of(), "").statusCode()).isEqualTo(200);
        }
    }

    private static void dropTwoFiles(Path dropDir) {
        SampleRows sample = new SampleRows(3);
        for (int i = 0; i < 2; i++) {
            LocalDateTime minute = LocalDateTime.of(2023, 1, 1, 0, i);
            SensorLogFixture.of(sample.minute(minute, 100)).writeTo(dropDir, "2023-01-01 00:0" + i + ":00.parquet");
        }
    }

    private static ServiceStatus routeStatus(RunningLoader loader) {
        return loader.daemon().camelContext().getRouteController().getRouteStatus("ingest-files");
    }

    private HttpResponse<String> send(int port, String method, String path, Map<String, String> headers, String body)
            throws IOException, InterruptedException {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + path))
                .timeout(Duration.ofSeconds(30))
                .method(method, body.isEmpty() ? HttpRequest.BodyPublishers.noBody() : HttpRequest.BodyPublishers.ofString(body));
        headers.forEach(request::header);
        return http.send(request.build(), HttpResponse.BodyHandlers.ofString());
    }

    /** The status line of a GET with the given Host header (java.net.http does not let a caller set Host). */
    private static String statusLineWithHost(int port, String path, String host) throws IOException {
        try (Socket socket = new Socket("127.0.0.1", port)) {
            socket.setSoTimeout(10_000);
            OutputStream out = socket.getOutputStream();
            out.write(("GET " + path + " HTTP/1.1\r\nHost: " + host + "\r\nConnection: close\r\n\r\n").getBytes(StandardCharsets.US_ASCII));
            out.flush();
            InputStream in = socket.getInputStream();
            StringBuilder line = new StringBuilder();
            for (int c = in.read(); c != -1 && c != '\n'; c = in.read()) {
                line.append((char) c);
            }
            return line.toString().strip();
        }
    }

    private static String basic(String user, String password) {
        return "Basic " + Base64.getEncoder().encodeToString((user + ":" + password).getBytes(StandardCharsets.UTF_8));
    }
}
