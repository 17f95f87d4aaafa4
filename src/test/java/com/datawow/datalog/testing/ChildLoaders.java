package com.datawow.datalog.testing;

import org.junit.jupiter.api.extension.AfterEachCallback;
import org.junit.jupiter.api.extension.BeforeEachCallback;
import org.junit.jupiter.api.extension.ExtensionContext;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.stream.Stream;

/**
 * The child-JVM loaders a test starts ({@code @RegisterExtension ChildLoaders loaders = new ChildLoaders()}):
 * none outlives the test, whatever its outcome. Their logs go to a directory of the test's own,
 * kept (and named on stderr) when the test fails.
 */
public final class ChildLoaders implements BeforeEachCallback, AfterEachCallback {

    private final List<LoaderProcess> started = new ArrayList<>();
    private Path logs;

    public LoaderProcess start(LoaderProcess.Builder builder) throws IOException {
        LoaderProcess loader = builder.logTo(logs).start();
        started.add(loader);
        return loader;
    }

    /** Where the loaders' logs (and anything else a loader writes for the post-mortem, e.g. a heap dump) go. */
    public Path logs() {
        return logs;
    }

    @Override
    public void beforeEach(ExtensionContext context) throws IOException {
        logs = Files.createTempDirectory("datalog-loader-logs-");
    }

    @Override
    public void afterEach(ExtensionContext context) throws InterruptedException {
        for (LoaderProcess loader : started) {
            loader.close();
        }
        started.clear();
        if (context.getExecutionException().isPresent()) {
            System.err.println("The loaders' logs of " + context.getDisplayName() + " are kept in " + logs);
        } else {
            deleteLogs();
        }
    }

    private void deleteLogs() {
        deleteRecursively(logs);
    }

    /** Deletes {@code directory} and everything in it. */
    static void deleteRecursively(Path directory) {
        try (Stream<Path> paths = Files.walk(directory)) {
            for (Path path : paths.sorted(Comparator.reverseOrder()).toList()) {
                Files.delete(path);
            }
        } catch (IOException e) {
            throw new UncheckedIOException("cannot delete " + directory, e);
        }
    }
}
