package com.datawow.datalog.console;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Collectors;

/**
 * The console's page, stylesheet and script, read once from the jar ({@code console/} on the
 * classpath). Only these names are served, so no request path ever reaches the class path.
 */
final class ConsoleAssets {

    static final String PAGE = "index.html";
    private static final Map<String, String> CONTENT_TYPES = Map.of(
            PAGE, "text/html; charset=utf-8",
            "console.css", "text/css; charset=utf-8",
            "console.js", "text/javascript; charset=utf-8");

    record Asset(String contentType, byte[] bytes) {
    }

    private final Map<String, Asset> assets;

    ConsoleAssets() {
        this.assets = Map.copyOf(CONTENT_TYPES.entrySet().stream()
                .collect(Collectors.toMap(Map.Entry::getKey, entry -> new Asset(entry.getValue(), read(entry.getKey())))));
    }

    Asset page() {
        return assets.get(PAGE);
    }

    Optional<Asset> named(String name) {
        return Optional.ofNullable(assets.get(name));
    }

    private static byte[] read(String name) {
        String resource = "/console/" + name;
        try (InputStream in = ConsoleAssets.class.getResourceAsStream(resource)) {
            if (in == null) {
                throw new IllegalStateException("Console resource " + resource + " is missing from the build");
            }
            return in.readAllBytes();
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot read " + resource, e);
        }
    }
}
