package com.datawow.datalog.cli;

import com.datawow.datalog.report.IntegrityCheck;
import org.apache.camel.test.AvailablePortFinder;
import com.datawow.datalog.report.IntegrityCheck;
import com.datawow.datalog.testing.PostgresExtension;
import com.datawow.datalog.testing.RunningLoader;
import com.datawow.datalog.testing.TestDatabase;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;
import picocli.CommandLine;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.math.BigDecimal;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/** {@code demo} up to the point where it waits for Ctrl-C, on a test database instead of the embedded one. */
@ExtendWith(PostgresExtension.class)
class DemoCommandTest {

    @Test
    void generatesTheSliceIntoAnEmptyDropDirectoryLoadsItAndPrintsTheSummary(TestDatabase database, @TempDir Path dropDir) throws Exception {
        int httpPort = AvailablePortFinder.getNextAvailable();
        StringWriter out = new StringWriter();
        DemoCommand demo = parse("--jdbc-url", database.jdbcUrl(), "--db-user", database.user(), "--minutes", "3",
                "--dir", dropDir.toString(), "--http-port", String.valueOf(httpPort));

        try (DemoCommand.RunningDemo running = demo.start(new PrintWriter(out, true))) {
            assertThat(RunningLoader.namesIn(dropDir.resolve(".done")))
                    .containsExactly("2023-01-01 00:00:00.parquet", "2023-01-01 00:01:00.parquet", "2023-01-01 00:02:00.parquet");
            assertThat(database.queryRows("SELECT status, count(*), sum(row_count) FROM ingest_ledger GROUP BY status"))
                    .containsExactly(List.of("loaded", 3L, BigDecimal.valueOf(3 * 1_914)));
            assertThat(database.queryLong("SELECT count(*) FROM datalog")).isEqualTo(3 * 1_914);

            assertThat(out.toString())
                    .contains("Generating 3 sample file(s)")
                    .contains("3 files: 3 loaded, 0 replaced, 0 duplicates, 0 failed; 5,742 rows")
                    .containsPattern("datalog\\s+5,742")
                    .containsPattern("department\\s+100")
                    .containsPattern("files loaded\\s+3")
                    .containsPattern("rows loaded\\s+5,742")
                    .contains("All " + IntegrityCheck.values().length + " integrity checks passed.")
                    .contains("Database: " + database.jdbcUrl())
                    .contains("http://127.0.0.1:" + httpPort + "/observe/health");

            // still running for inspection: the health endpoint answers
            HttpResponse<String> health = HttpClient.newHttpClient().send(
                    HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + httpPort + "/observe/health/live")).build(),
                    HttpResponse.BodyHandlers.ofString());
            assertThat(health.statusCode()).isEqualTo(200);
            assertThat(running.dropDir()).isEqualTo(dropDir);
        }
    }

    @Test
    void aDropDirectoryThatWasLoadedBeforeGetsNothingNew(TestDatabase database, @TempDir Path dropDir) throws Exception {
        java.nio.file.Files.createDirectories(dropDir.resolve(".done"));
        java.nio.file.Files.writeString(dropDir.resolve(".done").resolve("2023-01-01 00:00:00.parquet"), "loaded earlier");
        StringWriter out = new StringWriter();
        DemoCommand demo = parse("--jdbc-url", database.jdbcUrl(), "--db-user", database.user(), "--minutes", "3",
                "--dir", dropDir.toString(), "--http-port", String.valueOf(AvailablePortFinder.getNextAvailable()));

        try (DemoCommand.RunningDemo ignored = demo.start(new PrintWriter(out, true))) {
            assertThat(out.toString()).contains("nothing generated").doesNotContain("Generating");
            assertThat(RunningLoader.namesIn(dropDir)).containsExactly(".done");
        }
    }

    private static DemoCommand parse(String... args) {
        DemoCommand demo = new DemoCommand();
        new CommandLine(demo).parseArgs(args);
        return demo;
    }
}
