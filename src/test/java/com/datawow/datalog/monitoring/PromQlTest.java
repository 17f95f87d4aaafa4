package com.datawow.datalog.monitoring;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/** The metric-name reader the monitoring checks rely on: it must find every name, and nothing else. */
class PromQlTest {

    @Test
    void aBareSelectorIsItsName() {
        assertThat(PromQl.metricNames("datalog_backlog_files")).containsExactly("datalog_backlog_files");
    }

    @Test
    void functionsAggregationsLabelsRangesAndGroupingAreNotNames() {
        assertThat(PromQl.metricNames(
                "histogram_quantile(0.95, sum by (le) (rate(datalog_batch_write_seconds_bucket{job=\"datalog-loader\"}[$__rate_interval])))"))
                .containsExactly("datalog_batch_write_seconds_bucket");
        assertThat(PromQl.metricNames("sum without (outcome) (rate(datalog_files_total[5m])) * 60"))
                .containsExactly("datalog_files_total");
    }

    @Test
    void bothSidesOfBinaryAndSetOperatorsAreRead() {
        assertThat(PromQl.metricNames("""
                delta(datalog_backlog_files[10m]) > 0
                and
                time() - datalog_last_success_timestamp_seconds > 600"""))
                .containsExactly("datalog_backlog_files", "datalog_last_success_timestamp_seconds");
        assertThat(PromQl.metricNames("datalog_backlog_files / (datalog:files_finished:rate5m > 0) or datalog_backlog_files == 0"))
                .containsExactly("datalog:files_finished:rate5m", "datalog_backlog_files");
    }

    @Test
    void stringsNumbersDurationsAndKeywordsAreNotNames() {
        assertThat(PromQl.metricNames("up{job=\"datalog-loader\", instance=~\"loader:.*\"} offset 5m == bool 1e3"))
                .containsExactly("up");
        assertThat(PromQl.metricNames("sum(x) by (instance) + on (instance) group_left (outcome) y unless z > Inf"))
                .containsExactly("x", "y", "z");
    }
}
