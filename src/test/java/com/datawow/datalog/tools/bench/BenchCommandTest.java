package com.datawow.datalog.tools.bench;

import com.datawow.datalog.cli.DatalogLoader;
import com.datawow.datalog.testing.PostgresExtension;
import com.datawow.datalog.testing.TestDatabase;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;
import picocli.CommandLine;

import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * {@code bench} end to end, in-process, on the test server (127.0.0.1:5432 if it answers, else the harness's
 * embedded one): the loader runs as a child JVM from this JVM's class path.
 */
@ExtendWith(PostgresExtension.class)
@Timeout(value = 60, unit = TimeUnit.SECONDS)
class BenchCommandTest {

    private static final String BENCH_DATABASES = "SELECT count(*) FROM pg_database WHERE datname LIKE 'datalog\\_bench\\_%'";

    @Test
    void loadsThreeMinutesComparesWithRawCopyAndCleansUp(TestDatabase database, @TempDir Path workDir) throws Exception {
        String out = benchThreeFiles(database, workDir, "--minutes", "3");

        assertThat(out)
                .containsPattern("Loader exited with 0 after [0-9.]+ s: 3 files: 3 loaded, 0 replaced, 0 duplicates, 0 failed; 5,742 rows")
                .contains("| files | 3 |")
                .contains("| rows | 5,742 |")
                .containsPattern("\\| loader wall time \\(.*\\) \\| [0-9]+\\.[0-9]{2} s \\|")
                .containsPattern("\\| loader peak RSS \\(.*\\) \\| [1-9][0-9,]* MiB \\|")
                .containsPattern("\\| raw COPY with the foreign keys: rows/s \\| [1-9][0-9,]* \\|")
                .containsPattern("\\| raw COPY without foreign keys: rows/s \\| [1-9][0-9,]* \\|")
                .containsPattern("\\| \\*\\*loader / raw COPY with the foreign keys\\*\\* \\| \\*\\*[0-9]+\\.[0-9]{2}\\*\\* \\(wall time: [0-9]+\\.[0-9]{2}\\) \\|")
                .containsPattern("\\| \\*\\*loader / raw COPY without foreign keys\\*\\* \\| \\*\\*[0-9]+\\.[0-9]{2}\\*\\* \\(wall time: [0-9]+\\.[0-9]{2}\\) \\|")
                .containsPattern("Settings: writer copy, concurrency [0-9]+, batch size [0-9,]+, bad rows reject-file, heap -Xmx256m; PostgreSQL [0-9]+");
    }

    @Test
    void timesFilesDroppedOneByOneIntoARunningDaemonAndCleansUp(TestDatabase database, @TempDir Path workDir) throws Exception {
        String out = benchThreeFiles(database, workDir, "--latency", "2"); // a warm-up file and two drops

        assertThat(out)
                .containsPattern("warm-up 2023-01-01 00:00:00.parquet: [0-9]+ ms")
                .containsPattern("drop  1 2023-01-01 00:01:00.parquet: [0-9]+ ms")
                .containsPattern("drop  2 2023-01-01 00:02:00.parquet: [0-9]+ ms")
                .contains("| drops (one file of 1,914 rows each, 2 s apart) | 2 |")
                .containsPattern("\\| \\*\\*median, rename into the drop directory to rows committed\\*\\* \\| \\*\\*[0-9]+ ms\\*\\* \\|");
    }

    /** Runs {@code bench} over three generated files; it must exit 0 and drop and delete all it made. */
    private static String benchThreeFiles(TestDatabase database, Path workDir, String... options) throws IOException {
        long benchDatabasesBefore = database.queryLong(BENCH_DATABASES);
        String out = bench(database, workDir, options);
        assertThat(out).contains("Generated 3 file(s), 5,742 rows").contains("Dropped [datalog_bench_");
        assertLeftNothingBehind(database, workDir, benchDatabasesBefore);
        return out;
    }

    private static String bench(TestDatabase database, Path workDir, String... options) {
        StringWriter out = new StringWriter();
        StringWriter err = new StringWriter();
        CommandLine commandLine = DatalogLoader.commandLine();
        commandLine.setOut(new PrintWriter(out, true));
        commandLine.setErr(new PrintWriter(err, true));
        List<String> arguments = new ArrayList<>(List.of("bench", "--jdbc-url", database.jdbcUrl(), "--db-user", database.user(),
                "--db-password", database.password(), "--heap", "256m", "--work-dir", workDir.toString()));
        arguments.addAll(List.of(options));

        int exitCode = commandLine.execute(arguments.toArray(String[]::new));

        System.out.print(out); // in target/surefire-reports/*BenchCommandTest-output.txt
        assertThat(exitCode).as("exit code; out:%n%s%nerr:%n%s", out, err).isZero();
        return out.toString();
    }

    private static void assertLeftNothingBehind(TestDatabase database, Path workDir, long benchDatabasesBefore) throws IOException {
        assertThat(database.queryLong(BENCH_DATABASES)).as("bench databases left behind").isEqualTo(benchDatabasesBefore);
        try (var left = Files.list(workDir)) {
            assertThat(left).as("generated files left behind").isEmpty();
        }
    }
}
