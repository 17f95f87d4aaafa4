package com.datawow.datalog.ops;

import com.datawow.datalog.ingest.IngestStatistics;
import org.junit.jupiter.api.Test;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;

/** Progress arithmetic and text, driven tick by tick with a hand-moved clock: no Camel, no threads. */
class ProgressReporterTest {

    @Test
    void lineShowsFilesRateAndEta() {
        // 100 files of 1,914 rows in 20 s: 5 files/s, so 400 waiting take 80 s
        ProgressSample sample = new ProgressSample(100, 400, 191_400, Duration.ofSeconds(20));
        assertThat(sample.rowsPerSecond()).isEqualTo(9_570.0);
        assertThat(sample.eta()).contains(Duration.ofSeconds(80));
        assertThat(sample.line()).isEqualTo("100 files done, 400 waiting; 9,570 rows/s; ETA 1m 20s");
    }

    @Test
    void etaIsUnknownUntilAFileHasFinishedAndZeroWhenNothingWaits() {
        assertThat(new ProgressSample(0, 10, 0, Duration.ofSeconds(5)).eta()).isEmpty();
        assertThat(new ProgressSample(0, 10, 0, Duration.ofSeconds(5)).line()).endsWith("ETA unknown");
        assertThat(new ProgressSample(7, 0, 100, Duration.ofSeconds(5)).eta()).contains(Duration.ZERO);
    }

    @Test
    void durationsReadAsSecondsMinutesOrHours() {
        assertThat(ProgressSample.duration(Duration.ofMillis(400))).isEqualTo("1s");
        assertThat(ProgressSample.duration(Duration.ofSeconds(59))).isEqualTo("59s");
        assertThat(ProgressSample.duration(Duration.ofSeconds(245))).isEqualTo("4m 05s");
        assertThat(ProgressSample.duration(Duration.ofMinutes(123))).isEqualTo("2h 03m");
    }

    @Test
    void barFillsWithTheShareDone() {
        ProgressSample quarter = new ProgressSample(25, 75, 47_850, Duration.ofSeconds(10));
        assertThat(quarter.bar(20)).isEqualTo("[#####---------------]  25%  25/100 files  4,785 rows/s  ETA 30s");
    }

    @Test
    void silentWhileIdleThenReportsTheBacklogFromWhenItAppearedAndOnceWhenDrained() {
        Fake fake = new Fake();
        List<String> shown = new ArrayList<>();
        ProgressReporter reporter = new ProgressReporter(fake::snapshot, () -> fake.waiting, () -> fake.nanos, new ProgressSink() {
            @Override
            public void progress(ProgressSample sample) {
                shown.add("progress " + sample.line());
            }

            @Override
            public void drained(ProgressSample sample) {
                shown.add("drained " + sample.filesDone() + " files, " + sample.rows() + " rows in " + sample.elapsed().toSeconds() + "s");
            }
        });

        fake.files = 50; // loaded long ago: not part of the next backlog
        fake.advance(10);
        reporter.tick();
        fake.advance(10);
        reporter.tick();
        assertThat(shown).as("idle").isEmpty();

        fake.waiting = 30;
        fake.advance(10);
        fake.files += 10;
        fake.rows += 10_000;
        reporter.tick();
        fake.waiting = 20;
        fake.advance(10);
        fake.files += 10;
        fake.rows += 10_000;
        reporter.tick();
        fake.waiting = 0;
        fake.advance(10);
        fake.files += 20;
        fake.rows += 20_000;
        reporter.tick();
        fake.advance(10);
        reporter.tick();

        assertThat(shown).containsExactly(
                "progress 10 files done, 30 waiting; 1,000 rows/s; ETA 30s",
                "progress 20 files done, 20 waiting; 1,000 rows/s; ETA 20s",
                "drained 40 files, 40000 rows in 30s");
    }

    @Test
    void terminalBarRedrawsInPlaceAndEndsTheLineWhenDrained() {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        TerminalProgressBar bar = new TerminalProgressBar(new PrintStream(bytes, true, StandardCharsets.UTF_8), Duration.ofSeconds(10));
        bar.progress(new ProgressSample(1, 3, 1_914, Duration.ofSeconds(1)));
        bar.drained(new ProgressSample(4, 0, 7_656, Duration.ofSeconds(2)));
        String out = bytes.toString(StandardCharsets.UTF_8);
        assertThat(out).startsWith("\r[").contains("  25%  1/4 files").contains("\r[").contains(" 100%  4/4 files").endsWith(System.lineSeparator());
        assertThat(out.chars().filter(c -> c == '\n').count()).as("one terminal line, redrawn").isEqualTo(1);
    }

    @Test
    void terminalBarIsLeftStandingAsALineOncePerIntervalSoARecordedTerminalShowsProgress() {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        TerminalProgressBar bar = new TerminalProgressBar(new PrintStream(bytes, true, StandardCharsets.UTF_8), Duration.ofSeconds(10));

        // redrawn every half second for 25 s: two intervals pass
        for (int halfSeconds = 1; halfSeconds <= 50; halfSeconds++) {
            bar.progress(new ProgressSample(halfSeconds, 100 - halfSeconds, halfSeconds * 1_914L, Duration.ofMillis(halfSeconds * 500L)));
        }
        bar.drained(new ProgressSample(100, 0, 191_400, Duration.ofSeconds(26)));

        // what a line-by-line reader of the recording sees: each line as its last redraw left it
        List<String> lines = Stream.of(bytes.toString(StandardCharsets.UTF_8).split("\n"))
                .map(line -> line.substring(line.lastIndexOf('\r') + 1).strip()).toList();
        assertThat(lines).as("the bar at 10 s, at 20 s, and when drained").hasSize(3);
        assertThat(lines.get(0)).endsWith("20/100 files  3,828 rows/s  ETA 40s");
        assertThat(lines.get(1)).contains("40/100 files");
        assertThat(lines.get(2)).contains(" 100%  100/100 files");
    }

    /** Statistics, backlog and clock that the test moves by hand. */
    private static final class Fake {
        long files;
        long rows;
        long waiting;
        long nanos;

        void advance(long seconds) {
            nanos += Duration.ofSeconds(seconds).toNanos();
        }

        IngestStatistics.Snapshot snapshot() {
            return new IngestStatistics.Snapshot(files, 0, 0, 0, rows, 0, Duration.ofNanos(nanos), Duration.ofNanos(nanos), Optional.empty(), Optional.empty());
        }
    }
}
