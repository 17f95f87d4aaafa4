package com.datawow.datalog.cli;

import com.datawow.datalog.tools.generate.GenerationProgress;
import com.datawow.datalog.tools.generate.MinuteRange;
import com.datawow.datalog.tools.generate.SampleFileGenerator;
import com.datawow.datalog.testing.PostgresExtension;
import com.datawow.datalog.testing.RunningLoader;
import com.datawow.datalog.testing.TestDatabase;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * {@code run --once} through the command line, in this JVM ({@link DatalogLoader#commandLine()}
 * does not exit): its exit code says whether everything loaded (0), a file failed (1) or it could
 * not run at all (2), and it prints a summary line.
 */
@ExtendWith(PostgresExtension.class)
@Timeout(60)   // a file that is never put aside keeps run --once waiting for ever
class RunOnceExitCodeTest {

    private final StringWriter out = new StringWriter();
    private final StringWriter err = new StringWriter();
    private final TestDatabase database;
    private Path config;

    RunOnceExitCodeTest(TestDatabase database) {
        this.database = database;
    }

    @BeforeEach
    void shortPollIntervals(@TempDir Path configDir) throws IOException {
        config = configDir.resolve("loader.properties");
        Files.writeString(config, """
                datalog.poll-delay-ms=100
                datalog.read-lock-min-age-ms=200
                datalog.retry.initial-delay-ms=200
                datalog.retry.max-delay-ms=1000
                """);
    }

    @Test
    void exits0AndPrintsTheSummaryWhenEveryFileLoads(@TempDir Path dropDir) throws Exception {
        generate(dropDir, 0, 3);

        int exitCode = runOnce(dropDir);

        assertThat(exitCode).as(err.toString()).isZero();
        assertThat(out.toString()).contains("3 files: 3 loaded, 0 replaced, 0 duplicates, 0 failed; 5,742 rows in");
        assertThat(RunningLoader.namesIn(dropDir.resolve(".done"))).hasSize(3);
        assertThat(database.queryLong("SELECT count(*) FROM datalog")).isEqualTo(3 * 1_914);
    }

    @Test
    void exits1WhenAFileIsBadAndStillLoadsTheGoodOnes(@TempDir Path dropDir) throws Exception {
        generate(dropDir, 10, 2);
        Files.createFile(dropDir.resolve("2023-01-01 00:12:00.parquet"));   // zero bytes: bad input
        long rowsBefore = database.queryLong("SELECT count(*) FROM datalog");

        int exitCode = runOnce(dropDir);

        assertThat(exitCode).as(out + "\n" + err).isEqualTo(RunCommand.EXIT_FILE_FAILED).isEqualTo(1);
        assertThat(out.toString()).contains("3 files: 2 loaded, 0 replaced, 0 duplicates, 1 failed; 3,828 rows in");
        assertThat(RunningLoader.namesIn(dropDir.resolve(".done")))
                .containsExactly("2023-01-01 00:10:00.parquet", "2023-01-01 00:11:00.parquet");
        assertThat(RunningLoader.namesIn(dropDir.resolve(".error")))
                .containsExactly("2023-01-01 00:12:00.parquet", "2023-01-01 00:12:00.parquet.error.txt");
        assertThat(database.queryLong("SELECT count(*) FROM datalog") - rowsBefore).isEqualTo(2 * 1_914);
        assertThat(database.queryRows("SELECT status FROM ingest_ledger WHERE file_name = '2023-01-01 00:12:00.parquet'"))
                .containsExactly(List.of("failed"));
    }

    @Test
    void exits2WhenTheConfigurationFileDoesNotExist(@TempDir Path dropDir) throws Exception {
        generate(dropDir, 20, 1);

        int exitCode = run("run", "--once", "--dir", dropDir.toString(), "--config", dropDir.resolve("missing.properties").toString(),
                "--jdbc-url", database.jdbcUrl(), "--db-user", database.user());

        assertThat(exitCode).isEqualTo(DatalogLoader.EXIT_CANNOT_RUN).isEqualTo(2);
        assertThat(err.toString()).contains("Configuration file not found").contains("missing.properties");
        assertThat(RunningLoader.namesIn(dropDir)).as("nothing was touched").containsExactly("2023-01-01 00:20:00.parquet");
    }

    @Test
    void exits2WhenTheWriterIsNotOneItKnows(@TempDir Path dropDir) throws Exception {
        generate(dropDir, 30, 1);

        int exitCode = runOnce(dropDir, "--writer", "carrier-pigeon");

        assertThat(exitCode).isEqualTo(DatalogLoader.EXIT_CANNOT_RUN);
        assertThat(err.toString()).contains("datalog.writer must be one of [COPY, INSERT], got 'carrier-pigeon'");
        assertThat(RunningLoader.namesIn(dropDir)).containsExactly("2023-01-01 00:30:00.parquet");
    }

    @Test
    void exits2OnAnUnknownOption(@TempDir Path dropDir) {
        int exitCode = runOnce(dropDir, "--concurency", "4");

        assertThat(exitCode).isEqualTo(DatalogLoader.EXIT_CANNOT_RUN);
        assertThat(err.toString()).contains("Unknown options: '--concurency', '4'");
    }

    private static void generate(Path dropDir, int firstMinute, int count) throws IOException, InterruptedException {
        new SampleFileGenerator(dropDir, 2, GenerationProgress.NONE)
                .generate(MinuteRange.starting(MinuteRange.MONTH_FIRST.plusMinutes(firstMinute), count));
    }

    private int runOnce(Path dropDir, String... more) {
        List<String> args = new ArrayList<>(List.of("run", "--once", "--dir", dropDir.toString(), "--config", config.toString(),
                "--jdbc-url", database.jdbcUrl(), "--db-user", database.user()));
        args.addAll(List.of(more));
        return run(args.toArray(String[]::new));
    }

    private int run(String... args) {
        return DatalogLoader.commandLine()
                .setOut(new PrintWriter(out, true))
                .setErr(new PrintWriter(err, true))
                .execute(args);
    }
}
