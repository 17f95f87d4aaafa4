package com.datawow.datalog.testing;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Optional;
import java.util.stream.Stream;

/** The Java installations of this machine that Debian and Temurin put under /usr/lib/jvm, by their release file. */
public final class InstalledJavas {

    private static final Path JVM_DIR = Path.of("/usr/lib/jvm");

    private InstalledJavas() {
    }

    /** A Java home whose feature release is below {@code feature}, if one is installed (its real path, as {@code java.home} shows it). */
    public static Optional<Path> olderThan(int feature) {
        if (!Files.isDirectory(JVM_DIR)) {
            return Optional.empty();
        }
        try (Stream<Path> homes = Files.list(JVM_DIR)) {
            return homes.filter(home -> Files.isExecutable(home.resolve("bin/java")))
                    .filter(home -> featureVersion(home).filter(version -> version < feature).isPresent())
                    .map(InstalledJavas::realPath)
                    .sorted()
                    .findFirst();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static Path realPath(Path home) {
        try {
            return home.toRealPath();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** From {@code JAVA_VERSION="17.0.15"} (or {@code "1.8.0_402"}) in the home's release file. */
    static Optional<Integer> featureVersion(Path home) {
        Path release = home.resolve("release");
        if (!Files.isRegularFile(release)) {
            return Optional.empty();
        }
        try (Stream<String> lines = Files.lines(release)) {
            return lines.filter(line -> line.startsWith("JAVA_VERSION=\"")).findFirst().map(line -> {
                String version = line.substring("JAVA_VERSION=\"".length()).replaceFirst("^1\\.", "");
                return Integer.parseInt(version.replaceFirst("[^0-9].*$", ""));
            });
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
