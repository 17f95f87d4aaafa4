package com.datawow.datalog.ops;

import com.datawow.datalog.config.Settings;
import com.datawow.datalog.db.DatabaseSettings;
import com.datawow.datalog.ops.DockerfileInstructions.Instruction;
import com.datawow.datalog.testing.InstalledTool;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.yaml.snakeyaml.Yaml;

import java.io.IOException;
import java.io.Reader;
import java.io.UncheckedIOException;
import java.nio.file.FileSystems;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * What can be checked of the Docker files without a Docker engine: the compose file's services
 * and the paths it mounts, and that the Dockerfile builds with CI's command and runs the jar.
 */
class DockerFilesTest {

    private static final Path ROOT = Path.of("").toAbsolutePath();
    private static final String JAR_IN_IMAGE = "/app/datalog-loader.jar";
    private static final String MONITORING_PROFILE = "monitoring";

    private static Map<String, Object> compose;
    private static DockerfileInstructions dockerfile;

    @BeforeAll
    static void readTheDockerFiles() throws IOException {
        try (Reader reader = Files.newBufferedReader(ROOT.resolve("docker-compose.yml"))) {
            compose = new Yaml().load(reader);
        }
        dockerfile = DockerfileInstructions.read(ROOT.resolve("Dockerfile"));
    }

    // ---- docker-compose.yml ----------------------------------------------------------------------

    @Test
    void composeRunsPostgresAndTheLoaderByDefaultAndTheGeneratorAndMonitoringUnderTheirProfiles() {
        assertThat(services().keySet()).containsExactlyInAnyOrder("postgres", "loader", "generate", "prometheus", "grafana");
        assertThat(service("generate")).containsEntry("profiles", List.of("generate"));
        assertThat(service("prometheus")).containsEntry("profiles", List.of(MONITORING_PROFILE));
        assertThat(service("grafana")).containsEntry("profiles", List.of(MONITORING_PROFILE));
        assertThat(service("postgres")).doesNotContainKey("profiles");
        assertThat(service("loader")).doesNotContainKey("profiles");
    }

    @Test
    void everyPublishedPortIsOnTheLoopbackAddressOnly() {
        List<String> published = services().keySet().stream().flatMap(name -> strings(service(name), "ports").stream()).toList();

        assertThat(published).contains("127.0.0.1:8080:8080", "127.0.0.1:9090:9090", "127.0.0.1:3000:3000");
        assertThat(published).allSatisfy(port -> assertThat(port).startsWith("127.0.0.1:"));
    }

    @Test
    void postgresIsTheOfficialImageWithTheOriginalsDatabaseAndInitScripts() {
        Map<String, Object> postgres = service("postgres");

        assertThat((String) postgres.get("image")).matches("postgres:1[67](\\..*)?");
        assertThat(map(postgres, "environment")).containsEntry("POSTGRES_DB", "warehouse")
                .containsEntry("POSTGRES_USER", "datawow").containsEntry("POSTGRES_PASSWORD", "dataengineer");
        assertThat(strings(postgres, "volumes")).anyMatch(volume -> volume.startsWith("./init-script:/docker-entrypoint-initdb.d"));
        assertThat(String.valueOf(map(postgres, "healthcheck").get("test"))).contains("pg_isready");
    }

    @Test
    void postgresKeepsItsDataInANamedVolume() {
        List<String> namedVolumes = strings(service("postgres"), "volumes").stream()
                .map(volume -> volume.split(":")[0]).filter(source -> !source.startsWith(".") && !source.startsWith("/")).toList();

        assertThat(namedVolumes).isNotEmpty();
        assertThat(map(compose, "volumes")).containsKeys(namedVolumes.toArray(String[]::new));
    }

    @Test
    void loaderBuildsTheImageWaitsForAHealthyPostgresAndRestartsOnFailure() {
        Map<String, Object> loader = service("loader");

        assertThat(loader.get("build")).isEqualTo(".");
        assertThat(map(map(loader, "depends_on"), "postgres")).containsEntry("condition", "service_healthy");
        assertThat(loader).containsEntry("restart", "on-failure");
        assertThat(strings(loader, "volumes")).contains("./data_sample:/data");
        assertThat(strings(loader, "ports")).containsExactly("127.0.0.1:8080:8080");
    }

    @Test
    void loaderIsConfiguredByTheEnvironmentVariablesTheSettingsRead() {
        Map<String, Object> environment = map(service("loader"), "environment");

        assertThat(environment)
                .containsEntry(Settings.environmentName(DatabaseSettings.JDBC_URL), "jdbc:postgresql://postgres:5432/warehouse")
                .containsEntry(Settings.environmentName(DatabaseSettings.DB_USER), "datawow")
                .containsEntry(Settings.environmentName(DatabaseSettings.DB_PASSWORD), "dataengineer")
                .containsEntry("DATALOG_DROP_DIR", "/data")
                .containsEntry("DATALOG_HTTP_HOST", "0.0.0.0");
    }

    @Test
    void generateRunsTheLoadersImageIntoTheSameDropDirectory() {
        Map<String, Object> generate = service("generate");

        assertThat(generate.get("image")).isEqualTo(service("loader").get("image"));
        assertThat(strings(generate, "command")).containsExactly("generate", "--dir", "/data");
        assertThat(strings(generate, "volumes")).contains("./data_sample:/data");
    }

    @Test
    void everyHostPathTheComposeFileMountsOrBuildsFromExists() {
        List<String> hostPaths = new ArrayList<>();
        services().forEach((name, definition) -> {
            @SuppressWarnings("unchecked")
            Map<String, Object> service = (Map<String, Object>) definition;
            if (service.containsKey("build")) {
                hostPaths.add((String) service.get("build"));
            }
            strings(service, "volumes").stream().map(volume -> volume.split(":")[0])
                    .filter(source -> source.startsWith(".") || source.startsWith("/")).forEach(hostPaths::add);
        });

        assertThat(hostPaths).contains(".", "./init-script", "./data_sample",
                "./monitoring/prometheus", "./monitoring/grafana/provisioning", "./monitoring/grafana/dashboards");
        assertThat(hostPaths).allSatisfy(path -> assertThat(ROOT.resolve(path)).exists());
        assertThat(ROOT.resolve("init-script/create_table.sql")).isRegularFile();
    }

    // ---- docker-compose.yml: the monitoring profile ----------------------------------------------

    @Test
    void prometheusRunsTheMountedConfigWhichScrapesTheLoadersMetricsWhereTheLoaderServesThem() {
        Map<String, Object> prometheus = service("prometheus");
        String configFlag = strings(prometheus, "command").stream().filter(flag -> flag.startsWith("--config.file=")).findFirst().orElseThrow();
        Path config = hostPath(prometheus, configFlag.substring("--config.file=".length()));

        assertThat((String) prometheus.get("image")).as("the version line promtool checks the rules with").startsWith("prom/prometheus:v2.");
        assertThat(config).isEqualTo(ROOT.resolve("monitoring/prometheus/prometheus.yml"));
        Map<String, Object> loaderJob = yaml(config, "scrape_configs").stream()
                .filter(job -> "datalog-loader".equals(job.get("job_name"))).findFirst().orElseThrow();
        OperationsSettings loaderHttp = OperationsSettings.quiet().withHttp("0.0.0.0",
                Integer.parseInt((String) map(service("loader"), "environment").get("DATALOG_HTTP_PORT")));
        assertThat(loaderJob).containsEntry("metrics_path", Operations.camelProperties(loaderHttp).get("camel.metrics.path"));
        assertThat(String.valueOf(loaderJob.get("static_configs"))).contains("loader:" + loaderHttp.httpPort());
        assertThat(strings(prometheus, "volumes")).anyMatch(volume -> volume.startsWith("prometheus-data:"));
    }

    @Test
    void grafanaIsProvisionedWithThatPrometheusAndTheMountedDashboards() {
        Map<String, Object> grafana = service("grafana");
        Path provisioning = hostPath(grafana, "/etc/grafana/provisioning");
        Map<String, Object> datasource = yaml(provisioning.resolve("datasources/prometheus.yml"), "datasources").get(0);
        Map<String, Object> provider = yaml(provisioning.resolve("dashboards/datalog-loader.yml"), "providers").get(0);
        String prometheusPort = strings(service("prometheus"), "ports").get(0).replaceAll(".*:", "");

        assertThat((String) grafana.get("image")).startsWith("grafana/grafana:");
        assertThat(datasource).containsEntry("type", "prometheus").containsEntry("url", "http://prometheus:" + prometheusPort);
        Path dashboards = hostPath(grafana, (String) map(provider, "options").get("path"));
        assertThat(dashboards).isEqualTo(ROOT.resolve("monitoring/grafana/dashboards"));
        assertThat(dashboards.resolve("datalog-loader.json")).isRegularFile();
        assertThat(hostPath(grafana, (String) map(grafana, "environment").get("GF_DASHBOARDS_DEFAULT_HOME_DASHBOARD_PATH"))).isRegularFile();
    }

    @Test
    void grafanaShowsTheDashboardsToAnonymousViewersAndKeepsEditingForItsAdmin() {
        Map<String, Object> environment = map(service("grafana"), "environment");

        assertThat(environment).containsEntry("GF_AUTH_ANONYMOUS_ENABLED", "true")
                .containsEntry("GF_AUTH_ANONYMOUS_ORG_ROLE", "Viewer")
                .containsEntry("GF_USERS_ALLOW_SIGN_UP", "false")
                .containsEntry("GF_SECURITY_ADMIN_PASSWORD", "${GRAFANA_ADMIN_PASSWORD:-admin}");
    }

    @Test
    void dockerComposeAcceptsTheFileWithAndWithoutItsProfiles() throws Exception {
        InstalledTool compose = InstalledTool.require("docker-compose", "docker-compose");

        InstalledTool.Run plain = compose.run(ROOT, Duration.ofSeconds(60), "-f", "docker-compose.yml", "config", "-q");
        InstalledTool.Run everything = compose.run(ROOT, Duration.ofSeconds(60), "-f", "docker-compose.yml",
                "--profile", "generate", "--profile", MONITORING_PROFILE, "config", "--services");

        assertThat(plain.exitCode()).as(plain.output()).isZero();
        assertThat(everything.exitCode()).as(everything.output()).isZero();
        assertThat(everything.output().lines().toList()).containsExactlyInAnyOrder("postgres", "loader", "generate", "prometheus", "grafana");
    }

    // ---- Dockerfile ------------------------------------------------------------------------------

    @Test
    void buildStageRunsTheWrapperCommandCiRunsMinusTheTests() throws IOException {
        List<String> ciCommand = wrapperCommand(Files.readAllLines(ROOT.resolve(".ci/run")));
        List<String> buildCommand = wrapperCommand(dockerfile.withKeyword("RUN").stream()
                .filter(run -> run.stage() < dockerfile.finalStage()).map(Instruction::arguments).toList());

        assertThat(ciCommand).containsExactly("./mvnw", "-B", "verify");
        List<String> expected = new ArrayList<>(ciCommand);
        expected.set(expected.indexOf("verify"), "package");
        expected.add(expected.indexOf("package"), "-DskipTests");
        assertThat(buildCommand).isEqualTo(expected);
    }

    @Test
    void runStageCopiesTheJarTheBuildStageMadeAndRunsIt() {
        String buildStage = dockerfile.all().get(0).stageName();
        assertThat(dockerfile.withKeyword("COPY")).anySatisfy(copy -> assertThat(copy.words())
                .containsExactly("--from=" + buildStage, "/src/target/datalog-loader.jar", JAR_IN_IMAGE));

        List<String> entrypoint = dockerfile.inFinalStage("ENTRYPOINT").execForm();
        assertThat(entrypoint.get(0)).isEqualTo("java");
        assertThat(entrypoint.subList(entrypoint.size() - 2, entrypoint.size())).containsExactly("-jar", JAR_IN_IMAGE);
        assertThat(entrypoint).anyMatch(flag -> flag.startsWith("-XX:MaxRAMPercentage="))
                .contains("-XX:+ExitOnOutOfMemoryError");
        assertThat(dockerfile.inFinalStage("CMD").execForm()).containsExactly("run");
    }

    @Test
    void theEntrypointsJvmFlagsAreAcceptedByTheJvm() throws Exception {
        List<String> entrypoint = dockerfile.inFinalStage("ENTRYPOINT").execForm();
        List<String> command = new ArrayList<>();
        command.add(Path.of(System.getProperty("java.home"), "bin", "java").toString());
        command.addAll(entrypoint.subList(1, entrypoint.indexOf("-jar")));
        command.add("-version");

        Process java = new ProcessBuilder(command).redirectErrorStream(true).start();
        String output = new String(java.getInputStream().readAllBytes());

        assertThat(java.waitFor(30, TimeUnit.SECONDS)).isTrue();
        assertThat(java.exitValue()).as("java %s:%n%s", command, output).isZero();
    }

    @Test
    void everyFileCopiedFromTheBuildContextExistsAndIsNotDockerIgnored() throws IOException {
        List<String> ignored = Files.readAllLines(ROOT.resolve(".dockerignore")).stream()
                .map(String::strip).filter(line -> !line.isEmpty() && !line.startsWith("#")).toList();
        List<String> sources = new ArrayList<>();
        for (Instruction copy : dockerfile.withKeyword("COPY")) {
            List<String> words = copy.words();
            if (words.stream().noneMatch(word -> word.startsWith("--from="))) {
                sources.addAll(words.subList(0, words.size() - 1).stream().filter(word -> !word.startsWith("--")).toList());
            }
        }

        assertThat(sources).contains("mvnw", "pom.xml", ".mvn/", "src/", "config/", "init-script/");
        assertThat(sources).allSatisfy(source -> {
            assertThat(ROOT.resolve(source)).exists();
            assertThat(ignored).noneMatch(pattern -> excludes(pattern, source));
        });
    }

    @Test
    void runStageIsAHealthCheckedNonRootServiceOnAPublishablePortWithADropVolume() {
        assertThat(dockerfile.inFinalStage("FROM").arguments()).startsWith("eclipse-temurin:21-jre");
        String user = dockerfile.inFinalStage("USER").arguments().strip();
        assertThat(user).isNotIn("root", "0", "0:0");

        String healthcheck = dockerfile.inFinalStage("HEALTHCHECK").arguments();
        assertThat(healthcheck).contains("http://127.0.0.1:", "/observe/health", "curl -f");
        assertThat(dockerfile.withKeyword("RUN")).as("curl is installed in the run stage")
                .anyMatch(run -> run.stage() == dockerfile.finalStage() && run.arguments().matches(".*apt-get install .*curl.*"));

        assertThat(dockerfile.inFinalStage("ENV").words())
                .contains("DATALOG_HTTP_HOST=0.0.0.0", "DATALOG_HTTP_PORT=8080", "DATALOG_DROP_DIR=/data");
        assertThat(dockerfile.inFinalStage("EXPOSE").arguments().strip()).isEqualTo("8080");
        assertThat(dockerfile.inFinalStage("VOLUME").arguments()).contains("/data");
        assertThat(dockerfile.inFinalStage("WORKDIR").arguments().strip()).isEqualTo("/app");
    }

    // ---- helpers ---------------------------------------------------------------------------------

    /** The host path a service sees at {@code containerPath}, through its bind mounts. */
    private static Path hostPath(Map<String, Object> service, String containerPath) {
        for (String volume : strings(service, "volumes")) {
            String[] parts = volume.split(":");
            String source = parts[0];
            String target = parts[1];
            if ((source.startsWith(".") || source.startsWith("/"))
                    && (containerPath.equals(target) || containerPath.startsWith(target + "/"))) {
                return ROOT.resolve(source).resolve(containerPath.substring(target.length()).replaceFirst("^/", "")).normalize();
            }
        }
        throw new AssertionError(containerPath + " is not in a bind mount of " + strings(service, "volumes"));
    }

    /** The list under {@code key} of a YAML file. */
    @SuppressWarnings("unchecked")
    private static List<Map<String, Object>> yaml(Path file, String key) {
        try (Reader reader = Files.newBufferedReader(file)) {
            Map<String, Object> content = new Yaml().load(reader);
            return (List<Map<String, Object>>) content.get(key);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** The words of the first {@code ./mvnw} command among these lines, from ./mvnw to the end of the command. */
    private static List<String> wrapperCommand(List<String> lines) {
        for (String line : lines) {
            int start = line.indexOf("./mvnw");
            if (start >= 0 && !line.strip().startsWith("#")) {
                String command = line.substring(start).split("&&|;|\\|")[0].strip();
                return Arrays.asList(command.split("\\s+"));
            }
        }
        throw new AssertionError("No ./mvnw command in " + lines);
    }

    /** Whether a .dockerignore pattern excludes a COPY source (exact, directory prefix or glob). */
    private static boolean excludes(String pattern, String source) {
        String normalizedPattern = pattern.replaceAll("/+$", "");
        String normalizedSource = source.replaceAll("/+$", "");
        return normalizedSource.equals(normalizedPattern)
                || normalizedSource.startsWith(normalizedPattern + "/")
                || FileSystems.getDefault().getPathMatcher("glob:" + normalizedPattern).matches(Path.of(normalizedSource));
    }

    @SuppressWarnings("unchecked")
    private static Map<String, Object> services() {
        return (Map<String, Object>) compose.get("services");
    }

    private static Map<String, Object> service(String name) {
        return map(services(), name);
    }

    @SuppressWarnings("unchecked")
    private static Map<String, Object> map(Map<String, Object> parent, String key) {
        Object value = parent.get(key);
        assertThat(value).as(key).isInstanceOf(Map.class);
        return (Map<String, Object>) value;
    }

    @SuppressWarnings("unchecked")
    private static List<String> strings(Map<String, Object> parent, String key) {
        Object value = parent.getOrDefault(key, List.of());
        assertThat(value).as(key).isInstanceOf(List.class);
        return (List<String>) value;
    }
}
