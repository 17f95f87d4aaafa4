package com.datawow.datalog.config;

import java.io.IOException;
import java.io.InputStream;
import java.io.Reader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Properties;

/**
 * Layered configuration: command-line option &gt; environment variable &gt; properties file.
 * A key such as {@code datalog.jdbc-url} is {@code DATALOG_JDBC_URL} in the environment.
 * Blank values count as unset, so an empty key in the file does not hide a default.
 */
public final class Settings {

    /** The file read when no other is named: relative to the working directory. */
    public static final Path DEFAULT_FILE = Path.of("config", "application.properties");
    /** The environment variable that names another properties file. */
    public static final String CONFIG_ENVIRONMENT = "DATALOG_CONFIG";
    /** The copy bundled in the jar, used when the working directory has none. */
    private static final String BUNDLED_RESOURCE = "/config/application.properties";

    private final Map<String, String> overrides;
    private final Map<String, String> environment;
    private final Properties file;

    private Settings(Map<String, String> overrides, Map<String, String> environment, Properties file) {
        this.overrides = Map.copyOf(overrides);
        this.environment = Map.copyOf(environment);
        this.file = file;
    }

    /**
     * Reads {@code configFile} if given, else {@code config/application.properties} if present,
     * else the bundled defaults.
     */
    public static Settings load(Path configFile, Map<String, String> environment, Map<String, String> overrides) {
        return new Settings(overrides, environment, readProperties(configFile));
    }

    /**
     * The settings of this process: {@code configFile} (the {@code --config} option) if given, else
     * the file {@code DATALOG_CONFIG} names, else the default file, under the environment and the overrides.
     */
    public static Settings ofProcess(Path configFile, Map<String, String> overrides) {
        Path named = configFile != null ? configFile
                : firstNonBlank(System.getenv(CONFIG_ENVIRONMENT)).map(Path::of).orElse(null);
        return load(named, System.getenv(), overrides);
    }

    /** {@link #ofProcess} without a {@code --config} option. */
    public static Settings fromEnvironment(Map<String, String> overrides) {
        return ofProcess(null, overrides);
    }

    /** A copy with more command-line overrides on top (null values are ignored). */
    public Settings with(Map<String, String> moreOverrides) {
        Map<String, String> merged = new HashMap<>(overrides);
        moreOverrides.forEach((k, v) -> { if (v != null) merged.put(k, v); });
        return new Settings(merged, environment, file);
    }

    public Optional<String> get(String key) {
        return firstNonBlank(overrides.get(key), environment.get(environmentName(key)), file.getProperty(key));
    }

    public String get(String key, String fallback) {
        return get(key).orElse(fallback);
    }

    public int getInt(String key, int fallback) {
        return get(key).map(value -> parse(key, value, Integer::parseInt)).orElse(fallback);
    }

    public long getLong(String key, long fallback) {
        return get(key).map(value -> parse(key, value, Long::parseLong)).orElse(fallback);
    }

    public boolean getBoolean(String key, boolean fallback) {
        return get(key).map(Boolean::parseBoolean).orElse(fallback);
    }

    /** The environment variable that overrides {@code key}. */
    public static String environmentName(String key) {
        return key.toUpperCase(Locale.ROOT).replace('.', '_').replace('-', '_');
    }

    /** All file and override keys with a prefix, e.g. {@code camel.} keys to hand to Camel. */
    public Map<String, String> withPrefix(String prefix) {
        Map<String, String> result = new HashMap<>();
        file.stringPropertyNames().stream().filter(k -> k.startsWith(prefix))
                .forEach(k -> get(k).ifPresent(v -> result.put(k, v)));
        overrides.forEach((k, v) -> { if (k.startsWith(prefix) && !v.isBlank()) result.put(k, v); });
        return result;
    }

    private static <T> T parse(String key, String value, java.util.function.Function<String, T> parser) {
        try {
            return parser.apply(value.trim());
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException("Setting " + key + " (" + environmentName(key) + ") must be a number, got '" + value + "'");
        }
    }

    private static Optional<String> firstNonBlank(String... values) {
        for (String value : values) {
            if (value != null && !value.isBlank()) {
                return Optional.of(value.trim());
            }
        }
        return Optional.empty();
    }

    private static Properties readProperties(Path configFile) {
        Properties properties = new Properties();
        try {
            if (configFile != null) {
                if (!Files.isRegularFile(configFile)) {
                    throw new IllegalArgumentException("Configuration file not found: " + configFile.toAbsolutePath());
                }
                try (Reader reader = Files.newBufferedReader(configFile, StandardCharsets.UTF_8)) {
                    properties.load(reader);
                }
            } else if (Files.isRegularFile(DEFAULT_FILE)) {
                try (Reader reader = Files.newBufferedReader(DEFAULT_FILE, StandardCharsets.UTF_8)) {
                    properties.load(reader);
                }
            } else {
                try (InputStream bundled = Settings.class.getResourceAsStream(BUNDLED_RESOURCE)) {
                    if (bundled != null) {
                        properties.load(bundled);
                    }
                }
            }
        } catch (IOException e) {
            throw new IllegalArgumentException("Cannot read configuration " + configFile + ": " + e.getMessage(), e);
        }
        return properties;
    }
}
