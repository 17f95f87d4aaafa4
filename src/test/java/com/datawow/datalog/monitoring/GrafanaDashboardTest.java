package com.datawow.datalog.monitoring;

import org.apache.camel.util.json.JsonObject;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Collectors;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * What can be checked of the Grafana dashboards without a Grafana: they parse, use only the
 * provisioned data source, lay their panels out without overlap, and show what an operator asked
 * for. That their queries run is checked against a real Prometheus (MonitoringAgainstALoaderTest).
 */
class GrafanaDashboardTest {

    @Test
    void everyDashboardHasItsOwnUidAndATitle() {
        List<JsonObject> dashboards = MonitoringFiles.dashboardFiles().stream().map(MonitoringFiles::json).toList();

        assertThat(dashboards).isNotEmpty();
        assertThat(dashboards).allSatisfy(dashboard -> assertThat(dashboard.getString("title")).isNotBlank());
        assertThat(dashboards.stream().map(dashboard -> dashboard.getString("uid"))).doesNotContainNull().doesNotHaveDuplicates();
    }

    @Test
    void everyPanelAndQueryUsesTheProvisionedDataSource() throws IOException {
        Set<String> provisioned = provisionedDataSourceUids();

        for (Path file : MonitoringFiles.dashboardFiles()) {
            List<JsonObject> panels = panels(MonitoringFiles.json(file));
            List<String> used = new ArrayList<>();
            for (JsonObject panel : panels) {
                dataSourceUid(panel).ifPresent(used::add);
                panel.<List<JsonObject>>getCollectionOrDefault("targets", List.of()).forEach(target -> dataSourceUid(target).ifPresent(used::add));
            }
            assertThat(used).as(file.toString()).isNotEmpty().allSatisfy(uid -> assertThat(provisioned).contains(uid));
        }
    }

    @Test
    void everyPanelHasAQueryAnIdOfItsOwnAndAPlaceNoOtherPanelTakes() {
        for (Path file : MonitoringFiles.dashboardFiles()) {
            List<JsonObject> panels = panels(MonitoringFiles.json(file));

            assertThat(panels.stream().map(panel -> panel.getInteger("id"))).as(file.toString()).doesNotHaveDuplicates();
            assertThat(panels).filteredOn(panel -> !"row".equals(panel.getString("type")))
                    .allSatisfy(panel -> assertThat(panel.<List<Object>>getCollectionOrDefault("targets", List.of()))
                            .as(panel.getString("title")).isNotEmpty());
            for (int i = 0; i < panels.size(); i++) {
                for (int j = i + 1; j < panels.size(); j++) {
                    assertThat(overlap(panels.get(i), panels.get(j)))
                            .as("%s overlaps %s", panels.get(i).getString("title"), panels.get(j).getString("title")).isFalse();
                }
            }
        }
    }

    @Test
    void theDashboardShowsRowsPerSecondOutcomesBacklogEtaWriteLatencyLastSuccessAndWhatIsUp() {
        Set<String> shown = MonitoringFiles.dashboardQueries().stream()
                .flatMap(query -> PromQl.metricNames(query.expr()).stream()).collect(Collectors.toCollection(TreeSet::new));

        assertThat(shown).contains("datalog_rows_loaded_total", "datalog_files_total", "datalog_backlog_files",
                "datalog:backlog_eta_seconds", "datalog_batch_write_seconds_bucket", "datalog_last_success_timestamp_seconds",
                "datalog_database_up", "up");
        assertThat(MonitoringFiles.dashboardQueries()).anyMatch(query -> query.expr().contains("by (outcome)"));
    }

    // ---- helpers ---------------------------------------------------------------------------------

    /** Every panel, those inside (collapsed) rows too. */
    private static List<JsonObject> panels(JsonObject container) {
        List<JsonObject> panels = new ArrayList<>();
        for (JsonObject panel : container.<List<JsonObject>>getCollectionOrDefault("panels", List.of())) {
            panels.add(panel);
            panels.addAll(panels(panel));
        }
        return panels;
    }

    private static Optional<String> dataSourceUid(JsonObject panelOrTarget) {
        return panelOrTarget.get("datasource") instanceof Map<?, ?> dataSource
                ? Optional.ofNullable((String) dataSource.get("uid"))
                : Optional.empty();
    }

    private static boolean overlap(JsonObject a, JsonObject b) {
        JsonObject p = (JsonObject) a.get("gridPos");
        JsonObject q = (JsonObject) b.get("gridPos");
        return p.getInteger("x") < q.getInteger("x") + q.getInteger("w") && q.getInteger("x") < p.getInteger("x") + p.getInteger("w")
                && p.getInteger("y") < q.getInteger("y") + q.getInteger("h") && q.getInteger("y") < p.getInteger("y") + p.getInteger("h");
    }

    @SuppressWarnings("unchecked")
    private static Set<String> provisionedDataSourceUids() throws IOException {
        try (Stream<Path> files = Files.list(MonitoringFiles.DATASOURCES)) {
            return files.flatMap(file -> ((List<Map<String, Object>>) MonitoringFiles.yaml(file).get("datasources")).stream())
                    .map(dataSource -> (String) dataSource.get("uid")).collect(Collectors.toSet());
        }
    }
}
