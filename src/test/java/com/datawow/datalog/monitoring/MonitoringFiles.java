package com.datawow.datalog.monitoring;

import org.apache.camel.util.json.JsonArray;
import org.apache.camel.util.json.JsonObject;
import org.apache.camel.util.json.Jsoner;
import org.yaml.snakeyaml.Yaml;

import java.io.IOException;
import java.io.Reader;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Stream;

/**
 * The files under {@code monitoring/} as the checks read them: the Prometheus config, the rules and
 * their unit tests, and the queries of the Grafana dashboards.
 */
final class MonitoringFiles {

    static final Path ROOT = Path.of("monitoring").toAbsolutePath();
    static final Path PROMETHEUS_CONFIG = ROOT.resolve("prometheus/prometheus.yml");
    static final Path RULES = ROOT.resolve("prometheus/rules");
    static final Path RULE_TESTS = ROOT.resolve("prometheus/tests");
    static final Path DASHBOARDS = ROOT.resolve("grafana/dashboards");
    static final Path DATASOURCES = ROOT.resolve("grafana/provisioning/datasources");
    /** The scrape job of the loader in prometheus.yml, which the rules select on. */
    static final String LOADER_JOB = "datalog-loader";

    /** Series Prometheus makes itself: per scrape target, and from alerting rules. */
    private static final Set<String> PROMETHEUS_OWN_SERIES = Set.of("up", "scrape_duration_seconds", "scrape_samples_scraped",
            "scrape_samples_post_metric_relabeling", "scrape_series_added", "ALERTS", "ALERTS_FOR_STATE");

    /** One rule of a rules file: a recording rule ({@code record}) or an alert ({@code alert}). */
    record Rule(String group, String record, String alert, String expr) {
        boolean isAlert() {
            return alert != null;
        }
    }

    /** One query of a dashboard panel. */
    record PanelQuery(String dashboard, String panel, String expr) {
    }

    private MonitoringFiles() {
    }

    static List<Path> ruleFiles() {
        return yamlFiles(RULES);
    }

    static List<Path> ruleTestFiles() {
        return yamlFiles(RULE_TESTS);
    }

    static List<Path> dashboardFiles() {
        try (Stream<Path> files = Files.list(DASHBOARDS)) {
            return files.filter(file -> file.toString().endsWith(".json")).sorted().toList();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    @SuppressWarnings("unchecked")
    static List<Rule> rules() {
        List<Rule> rules = new ArrayList<>();
        for (Path file : ruleFiles()) {
            for (Map<String, Object> group : (List<Map<String, Object>>) yaml(file).get("groups")) {
                for (Map<String, Object> rule : (List<Map<String, Object>>) group.get("rules")) {
                    rules.add(new Rule((String) group.get("name"), (String) rule.get("record"), (String) rule.get("alert"),
                            (String) rule.get("expr")));
                }
            }
        }
        return rules;
    }

    static List<PanelQuery> dashboardQueries() {
        List<PanelQuery> queries = new ArrayList<>();
        for (Path file : dashboardFiles()) {
            JsonObject dashboard = json(file);
            addQueries(dashboard.getString("title"), dashboard.getCollection("panels"), queries);
        }
        return queries;
    }

    /** Every metric name the dashboards and the rules select that the loader must serve: not those the rules record, nor Prometheus's own. */
    static Set<String> metricNamesTheLoaderMustServe() {
        Set<String> recorded = new TreeSet<>();
        Set<String> used = new TreeSet<>();
        for (Rule rule : rules()) {
            if (!rule.isAlert()) {
                recorded.add(rule.record());
            }
            used.addAll(PromQl.metricNames(rule.expr()));
        }
        dashboardQueries().forEach(query -> used.addAll(PromQl.metricNames(query.expr())));
        used.removeAll(recorded);
        used.removeAll(PROMETHEUS_OWN_SERIES);
        return used;
    }

    @SuppressWarnings("unchecked")
    private static void addQueries(String dashboard, List<Object> panels, List<PanelQuery> queries) {
        for (Object entry : panels) {
            JsonObject panel = new JsonObject((Map<String, Object>) entry);
            for (Object target : panel.getCollectionOrDefault("targets", new JsonArray())) {
                String expr = new JsonObject((Map<String, Object>) target).getString("expr");
                if (expr != null) {
                    queries.add(new PanelQuery(dashboard, panel.getString("title"), expr));
                }
            }
            // a collapsed row keeps its panels inside it
            addQueries(dashboard, panel.getCollectionOrDefault("panels", new JsonArray()), queries);
        }
    }

    static Map<String, Object> yaml(Path file) {
        try (Reader reader = Files.newBufferedReader(file)) {
            return new Yaml().load(reader);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    static JsonObject json(Path file) {
        try {
            return (JsonObject) Jsoner.deserialize(Files.readString(file));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (org.apache.camel.util.json.DeserializationException e) {
            throw new IllegalStateException(file + " is not valid JSON: " + e.getMessage(), e);
        }
    }

    private static List<Path> yamlFiles(Path dir) {
        try (Stream<Path> files = Files.list(dir)) {
            return files.filter(file -> file.toString().endsWith(".yml") || file.toString().endsWith(".yaml")).sorted().toList();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
