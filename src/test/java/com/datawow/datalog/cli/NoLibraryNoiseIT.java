package com.datawow.datalog.cli;

import com.datawow.datalog.testing.PostgresExtension;
import com.datawow.datalog.testing.TestDatabase;
import com.datawow.datalog.testing.UserCommand;
import com.datawow.datalog.testing.UserCommand.Finished;
import com.datawow.datalog.tools.generate.GenerationProgress;
import com.datawow.datalog.tools.generate.MinuteRange;
import com.datawow.datalog.tools.generate.SampleFileGenerator;
import org.apache.camel.test.AvailablePortFinder;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;
import java.time.Duration;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * What the user sees is the loader's own output: no JVM warnings about libraries' use of
 * {@code sun.misc.Unsafe} (JDK 24+: parquet-java in {@code generate}, Netty under the HTTP server), no
 * Micrometer "already registered" warning, no java.util.logging lines in a format of their own.
 * Run with the JDK of this build (CI: the newest installed).
 */
@ExtendWith(PostgresExtension.class)
class NoLibraryNoiseIT {

    private static final Duration TIMEOUT = Duration.ofMinutes(4);

    @TempDir
    Path work;

    @Test
    void generatePrintsItsOwnLinesOnly() throws Exception {
        Finished generate = UserCommand.jar(UserCommand.thisJava(), "generate", "--dir", work.resolve("drop").toString(), "--minutes", "3")
                .run(TIMEOUT);

        assertThat(generate.exitCode()).as(generate.describe()).isZero();
        assertThat(generate.lines()).as(generate.describe()).allSatisfy(line -> assertThat(line)
                .matches("Generating 3 file\\(s\\), .*|  3 / 3 files .*|Wrote 3 file\\(s\\), 5,742 rows .*"));
    }

    @Test
    void aLoadWithHealthAndMetricsOnWarnsOfNothing(TestDatabase database) throws Exception {
        Path dropDir = work.resolve("drop");
        new SampleFileGenerator(dropDir, 2, GenerationProgress.NONE).generate(MinuteRange.starting(MinuteRange.MONTH_FIRST, 20));

        Finished run = UserCommand.jar(UserCommand.thisJava(), "run", "--once", "--dir", dropDir.toString())
                .with("DATALOG_JDBC_URL", database.jdbcUrl())
                .with("DATALOG_DB_USER", database.user())
                .with("DATALOG_DB_PASSWORD", database.password())
                .with("DATALOG_HTTP_ENABLED", "true")
                .with("DATALOG_HTTP_PORT", String.valueOf(AvailablePortFinder.getNextAvailable()))
                .run(TIMEOUT);

        assertThat(run.exitCode()).as(run.describe()).isZero();
        assertThat(run.output()).as(run.describe()).contains("20 files: 20 loaded")
                .contains("MicrometerPrometheus enabled")
                .doesNotContain("WARN", "already registered", "sun.misc.Unsafe");
        assertThat(run.lines()).as("only Logback's format and the summary:%n%s", run.output()).allSatisfy(line -> assertThat(line)
                .matches("\\d\\d:\\d\\d:\\d\\d\\.\\d{3} INFO .*|20 files: 20 loaded, .*"));
    }
}
