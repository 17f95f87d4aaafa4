package com.datawow.datalog.testing;

import com.datawow.datalog.db.Schema;
import org.junit.jupiter.api.extension.AfterEachCallback;
import org.junit.jupiter.api.extension.BeforeEachCallback;
import org.junit.jupiter.api.extension.ExtensionContext;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.SQLException;
import java.time.Duration;
import java.util.OptionalInt;
import java.util.function.BooleanSupplier;

import static com.datawow.datalog.testing.LoaderChecks.awaitUntil;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * The set-up shared by the tests that run the loader in child JVMs (crash safety, graceful shutdown,
 * memory bound): the test class's database ({@link PostgresExtension}) with the warehouse schema
 * applied, so that checks can run before the first loader has started; a drop directory of the
 * test's own, deleted afterwards; and the loaders started ({@link ChildLoaders}), none of which
 * outlives its test.
 *
 * <pre>{@code
 * @ExtendWith(PostgresExtension.class)
 * class SomeTest {
 *     @RegisterExtension
 *     final ChildLoaderFixture fixture = new ChildLoaderFixture();
 *
 *     @Test
 *     void ...() {
 *         LoaderProcess killed = fixture.killWhen(fixture.daemon(), "the first file is in .done/", PATIENCE,
 *                 () -> parquetFilesIn(fixture.done()) >= 1);
 * }</pre>
 */
public final class ChildLoaderFixture implements BeforeEachCallback, AfterEachCallback {

    private final ChildLoaders loaders = new ChildLoaders();
    private TestDatabase database;
    private Path dropDir;

    @Override
    public void beforeEach(ExtensionContext context) throws IOException, SQLException {
        loaders.beforeEach(context);
        dropDir = Files.createTempDirectory("datalog-drop-");
        database = PostgresExtension.database(context);
        Schema.apply(database.dataSource());
    }

    @Override
    public void afterEach(ExtensionContext context) throws InterruptedException, IOException {
        try {
            loaders.afterEach(context);
        } finally {
            ChildLoaders.deleteRecursively(dropDir);
        }
    }

    public Path dropDir() {
        return dropDir;
    }

    /** The drop directory's {@code .done/}. */
    public Path done() {
        return dropDir.resolve(".done");
    }

    /** Where the loaders' logs go (kept when the test fails). */
    public Path logs() {
        return loaders.logs();
    }

    /** {@code run --dir} (the drop directory) against the database; more options with the builder. */
    public LoaderProcess.Builder daemon() {
        return LoaderProcess.run(database, dropDir);
    }

    public LoaderProcess start(LoaderProcess.Builder loader) throws IOException {
        return loaders.start(loader);
    }

    /**
     * Starts {@code daemon}, waits until {@code condition} holds (failing after {@code patience}, or
     * if the daemon ends by itself first) and kills it with SIGKILL at that moment. Returns the
     * killed loader, for the caller's checks and their messages.
     */
    public LoaderProcess killWhen(LoaderProcess.Builder daemon, String moment, Duration patience, BooleanSupplier condition)
            throws IOException, InterruptedException {
        LoaderProcess loader = loaders.start(daemon);
        awaitUntil(moment, patience, () -> condition.getAsBoolean() || !loader.isAlive(), loader::describe);
        assertThat(loader.isAlive()).as("the daemon still runs when %s%n%s", moment, loader.describe()).isTrue();
        loader.kill();
        return loader;
    }

    /** Runs {@code run --once} of {@code loader} to its end and checks that it exits 0 within {@code patience}. */
    public LoaderProcess runOnce(LoaderProcess.Builder loader, Duration patience) throws IOException, InterruptedException {
        LoaderProcess once = loaders.start(loader.once());
        OptionalInt exitCode = once.waitFor(patience);
        assertThat(exitCode).as(once.describe()).hasValue(0);
        return once;
    }
}
