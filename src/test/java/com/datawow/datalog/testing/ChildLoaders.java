package com.datawow.datalog.testing;

import org.junit.jupiter.api.extension.AfterEachCallback;
import org.junit.jupiter.api.extension.ExtensionContext;

import java.io.IOException;
import java.util.ArrayList;
import java.util.List;

/**
 * The child-JVM loaders a test starts ({@code @RegisterExtension ChildLoaders loaders = new ChildLoaders()}):
 * none outlives the test, whatever its outcome.
 */
public final class ChildLoaders implements AfterEachCallback {

    private final List<LoaderProcess> started = new ArrayList<>();

    public LoaderProcess start(LoaderProcess.Builder builder) throws IOException {
        LoaderProcess loader = builder.start();
        started.add(loader);
        return loader;
    }

    @Override
    public void afterEach(ExtensionContext context) throws InterruptedException {
        for (LoaderProcess loader : started) {
            loader.close();
        }
        started.clear();
    }
}
