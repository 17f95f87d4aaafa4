package com.datawow.datalog.console;

import com.datawow.datalog.ingest.IngestStatistics;
import com.datawow.datalog.ops.ProgressSample;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.time.Instant;
import java.util.Optional;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

class ThroughputHistoryTest {

    private static final Instant T0 = Instant.parse("2026-12-01T10:00:00Z");
    private final ThroughputHistory history = new ThroughputHistory();

    @Test
    void eachPointIsTheRateBetweenTwoNeighbouringSamples() {
        history.record(T0, totals(0, 0));
        history.record(T0.plusSeconds(5), totals(2, 10_000));
        history.record(T0.plusSeconds(10), totals(2, 10_000));

        assertThat(history.points()).containsExactly(
                new ThroughputHistory.Point(T0.plusSeconds(5), 2_000, 24),
                new ThroughputHistory.Point(T0.plusSeconds(10), 0, 0));
    }

    @Test
    void theHistoryKeepsTheLastHourOnly() {
        int samples = (int) (Duration.ofHours(2).toSeconds() / ThroughputHistory.INTERVAL.toSeconds());
        for (int i = 0; i <= samples; i++) {
            history.record(T0.plus(ThroughputHistory.INTERVAL.multipliedBy(i)), totals(i, 100L * i));
        }

        assertThat(history.points()).hasSize((int) (ThroughputHistory.SPAN.toSeconds() / ThroughputHistory.INTERVAL.toSeconds()));
        assertThat(history.points().getFirst().at()).isEqualTo(T0.plus(Duration.ofHours(1)).plus(ThroughputHistory.INTERVAL));
    }

    @Test
    void theRecentRateIsOverTheLastMinuteUpToNowAndGivesTheEta() {
        history.record(T0, totals(0, 0));                                     // older than a minute before "now": not counted
        history.record(T0.plusSeconds(30), totals(10, 20_000));
        history.record(T0.plusSeconds(60), totals(40, 80_000));
        Instant now = T0.plusSeconds(90);

        ProgressSample recent = history.recent(now, totals(70, 140_000), 120);

        assertThat(recent.rowsPerSecond()).isCloseTo(2_000, within(0.001));
        assertThat(recent.filesPerSecond()).isCloseTo(1, within(0.001));
        assertThat(recent.eta()).contains(Duration.ofSeconds(120));
    }

    @Test
    void withoutARecentSampleTheRateIsZeroAndTheEtaUnknownWhileFilesWait() {
        ProgressSample recent = history.recent(T0, totals(5, 100), 3);

        assertThat(recent.rowsPerSecond()).isZero();
        assertThat(recent.eta()).isEmpty();
    }

    private static IngestStatistics.Snapshot totals(long files, long rows) {
        return new IngestStatistics.Snapshot(files, 0, 0, 0, rows, 0, Duration.ofMinutes(5), Duration.ofMinutes(5), Optional.empty(), Optional.empty());
    }
}
