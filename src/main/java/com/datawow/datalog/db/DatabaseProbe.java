package com.datawow.datalog.db;

import javax.sql.DataSource;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

/** Whether the database answers right now: {@code SELECT 1} on a pool connection, within a timeout. */
public final class DatabaseProbe {

    private static final Duration DEFAULT_TIMEOUT = Duration.ofSeconds(3);

    private final DataSource dataSource;

    public DatabaseProbe(DataSource dataSource) {
        this.dataSource = dataSource;
    }

    /** What one probe found: the database answered, or why not. */
    public record Answer(boolean answered, String problem, Optional<Throwable> cause) {

        static final Answer ANSWERED = new Answer(true, "", Optional.empty());

        static Answer none(String problem, Throwable cause) {
            return new Answer(false, problem, Optional.ofNullable(cause));
        }
    }

    /** @throws SQLException why the database did not answer */
    public void check(Duration timeout) throws SQLException {
        try (Connection connection = dataSource.getConnection(); Statement statement = connection.createStatement()) {
            statement.setQueryTimeout((int) Math.max(1, timeout.toSeconds()));
            statement.execute("SELECT 1");
        }
    }

    public boolean answers() {
        try {
            check(DEFAULT_TIMEOUT);
            return true;
        } catch (SQLException e) {
            return false;
        }
    }

    /**
     * Asks on a virtual thread of its own and waits at most {@code timeout} for the answer. The
     * caller (a health check, a metrics scrape) must not wait longer than that, but the probe may:
     * a pool connection can take its pool's whole connection timeout to fail, and a statement on a
     * connection whose peer went silent waits for TCP. So an unanswered probe is abandoned (and
     * interrupted), never waited for.
     */
    public Answer ask(Duration timeout) {
        CompletableFuture<Void> answer = new CompletableFuture<>();
        Thread asking = Thread.ofVirtual().name("database-probe").start(() -> {
            try {
                check(timeout);
                answer.complete(null);
            } catch (SQLException | RuntimeException e) {
                answer.completeExceptionally(e);
            }
        });
        try {
            answer.get(timeout.toMillis(), TimeUnit.MILLISECONDS);
            return Answer.ANSWERED;
        } catch (TimeoutException e) {
            asking.interrupt();
            return Answer.none("The database did not answer SELECT 1 within " + timeout.toMillis() + " ms", null);
        } catch (ExecutionException e) {
            return Answer.none("The database is not reachable: " + e.getCause().getMessage(), e.getCause());
        } catch (InterruptedException e) {
            asking.interrupt();
            Thread.currentThread().interrupt();
            return Answer.none("Interrupted while asking the database", e);
        }
    }
}
