package com.datawow.datalog.ops;

import com.datawow.datalog.config.Settings;
import com.datawow.datalog.db.DatabaseSettings;
import com.datawow.datalog.ops.DockerfileInstructions.Instruction;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.yaml.snakeyaml.Yaml;

import java.io.IOException;
import java.io.Reader;
import java.nio.file.FileSystems;
import java.nio.file.Files;
import java.nio.file.Path;
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
    void composeHasPostgresLoaderAndAGenerateServiceUnderItsProfile() {
        assertThat(services().keySet()).containsExactlyInAnyOrder("postgres", "loader", "generate");
        assertThat(service("generate")).containsEntry("profiles", List.of("generate"));
        assertThat(service("postgres")).doesNotContainKey("profiles");
        assertThat(service("loader")).doesNotContainKey("profiles");
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

        assertThat(hostPaths).contains(".", "./init-script", "./data_sample");
        assertThat(hostPaths).allSatisfy(path -> assertThat(ROOT.resolve(path)).exists());
        assertThat(ROOT.resolve("init-script/create_table.sql")).isRegularFile();
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
