package com.datawow.datalog.cli;

import com.datawow.datalog.testing.PostgresExtension;
import com.datawow.datalog.testing.TestDatabase;
import com.datawow.datalog.testing.UserCommand;
import com.datawow.datalog.testing.UserCommand.Finished;
import com.datawow.datalog.tools.generate.GenerationProgress;
import com.datawow.datalog.tools.generate.MinuteRange;
import com.datawow.datalog.tools.generate.SampleFileGenerator;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.LocalTime;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

/**
 * {@code run --once} on a backlog, its output going to a file: a progress line every
 * {@code datalog.progress-interval-s} seconds (1 here) between the start and the summary, whether the whole
 * output is redirected or only stderr while a terminal holds stdin and stdout ({@code script} gives the
 * terminal), where a progress bar redrawn in place would leave the file one endless line.
 */
@ExtendWith(PostgresExtension.class)
class RunOnceProgressIT {

    /** Enough for several seconds of loading on one connection, even on a fast machine. */
    private static final int FILES = 200;
    private static final Pattern PROGRESS = Pattern.compile("^(\\d\\d:\\d\\d:\\d\\d\\.\\d{3}) INFO .* Progress: \\d+ files done, \\d+ waiting; .*ETA .*$");
    private static final Duration TIMEOUT = Duration.ofMinutes(4);

    @TempDir
    Path work;

    @Test
    void withAllOutputInAFileAProgressLineComesEveryInterval(TestDatabase database) throws Exception {
        Path dropDir = backlog(0);

        Finished run = loader(database, UserCommand.jar(UserCommand.thisJava(), "run", "--once", "--dir", dropDir.toString())).run(TIMEOUT);

        assertThat(run.exitCode()).as(run.describe()).isZero();
        assertThat(run.output()).contains(FILES + " files: " + FILES + " loaded");
        assertProgressLinesAboutOneSecondApart(run.lines(), run.describe());
    }

    @Test
    void withStderrInAFileWhileATerminalHoldsStdinAndStdoutTheFileStillGetsProgressLines(TestDatabase database) throws Exception {
        assumeTrue(Files.isExecutable(Path.of("/usr/bin/script")), "no /usr/bin/script to give the loader a terminal (Debian: bsdutils)");
        Path dropDir = backlog(FILES);
        Path stderr = work.resolve("run.log");
        String loader = shellWords(UserCommand.thisJava().resolve("bin/java").toString(), "-jar", UserCommand.BUILT_JAR.toString(),
                "run", "--once", "--dir", dropDir.toString()) + " 2>" + shellWords(stderr.toString());

        Finished session = loader(database, UserCommand.of("/usr/bin/script", "-qec", loader, "/dev/null")).with("SHELL", "/bin/sh").run(TIMEOUT);

        assertThat(session.output()).as(session.describe()).contains(FILES + " files: " + FILES + " loaded");
        String log = Files.readString(stderr, StandardCharsets.UTF_8);
        assertThat(log).as("no bar redrawn in place").doesNotContain("\r");
        assertProgressLinesAboutOneSecondApart(log.lines().toList(), log);
    }

    /** {@code FILES} sample files, from minute {@code skip} of the month, in a drop directory of their own. */
    private Path backlog(int skip) throws Exception {
        Path dropDir = work.resolve("drop-" + skip);
        new SampleFileGenerator(dropDir, 2, GenerationProgress.NONE)
                .generate(MinuteRange.starting(MinuteRange.MONTH_FIRST.plusMinutes(skip), FILES));
        return dropDir;
    }

    private static UserCommand loader(TestDatabase database, UserCommand command) {
        return command.with("DATALOG_JDBC_URL", database.jdbcUrl())
                .with("DATALOG_DB_USER", database.user())
                .with("DATALOG_DB_PASSWORD", database.password())
                .with("DATALOG_CONCURRENCY", "1")
                .with("DATALOG_PROGRESS_INTERVAL_S", "1");
    }

    private static void assertProgressLinesAboutOneSecondApart(List<String> lines, String output) {
        List<LocalTime> shown = new ArrayList<>();
        for (String line : lines) {
            Matcher progress = PROGRESS.matcher(line);
            if (progress.matches()) {
                shown.add(LocalTime.parse(progress.group(1), DateTimeFormatter.ofPattern("HH:mm:ss.SSS")));
            }
        }
        assertThat(shown).as("progress lines in:%n%s", output).hasSizeGreaterThanOrEqualTo(2);
        List<Long> gaps = new ArrayList<>();
        for (int i = 1; i < shown.size(); i++) {
            gaps.add(Duration.between(shown.get(i - 1), shown.get(i)).toMillis());
        }
        long median = gaps.stream().sorted().toList().get(gaps.size() / 2);
        assertThat(median).as("milliseconds between progress lines: %s", gaps).isBetween(700L, 1_500L);
    }

    /** Each word in single quotes, for the command line {@code script} hands to /bin/sh. */
    private static String shellWords(String... words) {
        return List.of(words).stream().map(word -> "'" + word.replace("'", "'\\''") + "'").collect(Collectors.joining(" "));
    }
}
