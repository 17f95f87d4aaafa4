package com.datawow.datalog.monitoring;

import com.datawow.datalog.testing.InstalledTool;
import org.junit.jupiter.api.Test;

import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.function.Consumer;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The Prometheus config and rules as Prometheus's own checker sees them ({@code promtool} from
 * Debian's {@code prometheus} package), and the rules' unit tests: each alert fires where it should
 * and stays quiet where it should.
 */
class PrometheusRulesTest {

    private static final Duration PROMTOOL_TIMEOUT = Duration.ofSeconds(60);
    private static final Pattern JOB_MATCHER = Pattern.compile("\\bjob\\s*=\\s*\"([^\"]*)\"");

    @Test
    void prometheusYmlAndTheRulesItLoadsPassPromtoolCheckConfig() throws Exception {
        String output = promtoolPasses("check", "config", List.of(MonitoringFiles.PROMETHEUS_CONFIG));

        assertThat(output).as("the rules are found from the config").contains(MonitoringFiles.ruleFiles().size() + " rule files found");
    }

    @Test
    void everyRulesFilePassesPromtoolCheckRules() throws Exception {
        String output = promtoolPasses("check", "rules", MonitoringFiles.ruleFiles());

        assertThat(output).contains("SUCCESS: " + MonitoringFiles.rules().size() + " rules found");
    }

    @Test
    void theRulesUnitTestsPass() throws Exception {
        String output = promtoolPasses("test", "rules", MonitoringFiles.ruleTestFiles());

        assertThat(output).contains("SUCCESS").doesNotContain("FAILED");
    }

    @Test
    void everyAlertHasUnitTestsWhereItFiresAndWhereItStaysQuiet() {
        List<AlertCase> cases = alertCases();

        for (MonitoringFiles.Rule alert : MonitoringFiles.rules().stream().filter(MonitoringFiles.Rule::isAlert).toList()) {
            assertThat(cases).as("a case where %s fires", alert.alert())
                    .anyMatch(alertCase -> alertCase.alertname().equals(alert.alert()) && alertCase.fires());
            assertThat(cases).as("a case where %s stays quiet", alert.alert())
                    .anyMatch(alertCase -> alertCase.alertname().equals(alert.alert()) && !alertCase.fires());
        }
    }

    @Test
    void everyRecordingRuleHasAUnitTest() {
        List<String> tested = new ArrayList<>();
        forEachTest(test -> listOf(test.get("promql_expr_test"))
                .forEach(exprTest -> tested.addAll(PromQl.metricNames((String) exprTest.get("expr")))));

        assertThat(MonitoringFiles.rules()).filteredOn(rule -> !rule.isAlert())
                .allSatisfy(rule -> assertThat(tested).as("a promql_expr_test of %s", rule.record()).contains(rule.record()));
    }

    @Test
    void theUnitTestsLoadTheRulesPrometheusLoads() {
        for (Path testFile : MonitoringFiles.ruleTestFiles()) {
            List<Path> loaded = stringsOf(MonitoringFiles.yaml(testFile).get("rule_files")).stream()
                    .map(ruleFile -> testFile.getParent().resolve(ruleFile).normalize()).toList();
            assertThat(loaded).as(testFile.toString()).containsExactlyInAnyOrderElementsOf(MonitoringFiles.ruleFiles());
        }
    }

    @Test
    void theRulesSelectTheJobPrometheusYmlScrapesTheLoaderAs() {
        List<String> jobs = new ArrayList<>();
        MonitoringFiles.rules().forEach(rule -> {
            Matcher job = JOB_MATCHER.matcher(rule.expr());
            while (job.find()) {
                jobs.add(job.group(1));
            }
        });

        assertThat(jobs).isNotEmpty().containsOnly(MonitoringFiles.LOADER_JOB);
        assertThat(scrapeJobNames()).contains(MonitoringFiles.LOADER_JOB);
    }

    // ---- helpers ---------------------------------------------------------------------------------

    /** Runs {@code promtool COMMAND SUBCOMMAND FILES...}, asserts it passed, and returns what it printed. */
    private static String promtoolPasses(String command, String subcommand, List<Path> files) throws Exception {
        InstalledTool promtool = InstalledTool.require("promtool", "prometheus");
        List<String> arguments = new ArrayList<>(List.of(command, subcommand));
        files.forEach(file -> arguments.add(file.toString()));

        InstalledTool.Run run = promtool.run(MonitoringFiles.ROOT, PROMTOOL_TIMEOUT, arguments.toArray(String[]::new));

        assertThat(files).as("files for promtool %s %s", command, subcommand).isNotEmpty();
        assertThat(run.exitCode()).as("promtool %s:%n%s", arguments, run.output()).isZero();
        return run.output();
    }

    /** One {@code alert_rule_test} entry: an alert, and whether it is expected to fire then. */
    private record AlertCase(String alertname, boolean fires) {
    }

    private static List<AlertCase> alertCases() {
        List<AlertCase> cases = new ArrayList<>();
        forEachTest(test -> listOf(test.get("alert_rule_test")).forEach(alertTest -> cases.add(
                new AlertCase((String) alertTest.get("alertname"), !listOf(alertTest.get("exp_alerts")).isEmpty()))));
        return cases;
    }

    /** Each test group of every rule test file. */
    private static void forEachTest(Consumer<Map<String, Object>> visitor) {
        for (Path file : MonitoringFiles.ruleTestFiles()) {
            listOf(MonitoringFiles.yaml(file).get("tests")).forEach(visitor);
        }
    }

    private static List<String> scrapeJobNames() {
        return listOf(MonitoringFiles.yaml(MonitoringFiles.PROMETHEUS_CONFIG).get("scrape_configs")).stream()
                .map(job -> (String) job.get("job_name")).toList();
    }

    @SuppressWarnings("unchecked")
    private static List<Map<String, Object>> listOf(Object yaml) {
        return yaml == null ? List.of() : (List<Map<String, Object>>) yaml;
    }

    @SuppressWarnings("unchecked")
    private static List<String> stringsOf(Object yaml) {
        return yaml == null ? List.of() : (List<String>) yaml;
    }
}
