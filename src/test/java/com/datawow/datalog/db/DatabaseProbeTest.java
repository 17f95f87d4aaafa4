package com.datawow.datalog.db;

import org.apache.camel.test.AvailablePortFinder;
import com.datawow.datalog.testing.PostgresExtension;
import com.datawow.datalog.testing.TestDatabase;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.postgresql.ds.PGSimpleDataSource;

import java.io.IOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;

import static org.assertj.core.api.Assertions.assertThat;

/** The probe behind readiness and {@code datalog_database_up}: it answers within its timeout, whatever the database does. */
@ExtendWith(PostgresExtension.class)
class DatabaseProbeTest {

    @Test
    void aDatabaseThatAnswersIsReportedAnswered(TestDatabase database) {
        DatabaseProbe.Answer answer = new DatabaseProbe(database.dataSource()).ask(Duration.ofSeconds(3));

        assertThat(answer.answered()).as(answer.problem()).isTrue();
    }

    @Test
    void nothingListeningIsReportedWithTheDriversReason() {
        PGSimpleDataSource nowhere = new PGSimpleDataSource();
        nowhere.setURL(JdbcUrl.of("127.0.0.1", AvailablePortFinder.getNextAvailable(), "warehouse").toString());

        DatabaseProbe.Answer answer = new DatabaseProbe(nowhere).ask(Duration.ofSeconds(3));

        assertThat(answer.answered()).isFalse();
        assertThat(answer.problem()).startsWith("The database is not reachable: ").contains("refused");
        assertThat(answer.cause()).isPresent();
    }

    @Test
    void aServerThatNeverAnswersIsGivenUpOnAfterTheTimeout() throws Exception {
        // accepts connections and never says a word: what a silently partitioned network looks like
        try (SilentServer silent = new SilentServer()) {
            PGSimpleDataSource dataSource = new PGSimpleDataSource();
            dataSource.setURL(JdbcUrl.of("127.0.0.1", silent.port(), "warehouse").toString());
            // the driver's own defaults would wait for the server forever
            dataSource.setLoginTimeout(0);
            dataSource.setSocketTimeout(0);

            long started = System.nanoTime();
            DatabaseProbe.Answer answer = new DatabaseProbe(dataSource).ask(Duration.ofMillis(500));
            Duration took = Duration.ofNanos(System.nanoTime() - started);

            assertThat(answer.answered()).isFalse();
            assertThat(answer.problem()).isEqualTo("The database did not answer SELECT 1 within 500 ms");
            assertThat(took).isLessThan(Duration.ofSeconds(2));
            assertThat(silent.accepted()).as("the probe did reach the server").isNotEmpty();
        }
    }

    /** A loopback server that accepts connections and never reads or writes. */
    private static final class SilentServer implements AutoCloseable {

        private final ServerSocket server = new ServerSocket(0, 50, InetAddress.getLoopbackAddress());
        private final List<Socket> accepted = new CopyOnWriteArrayList<>();

        SilentServer() throws IOException {
            Thread.ofVirtual().name("silent-server").start(() -> {
                while (!server.isClosed()) {
                    try {
                        accepted.add(server.accept());
                    } catch (IOException closed) {
                        return;
                    }
                }
            });
        }

        int port() {
            return server.getLocalPort();
        }

        List<Socket> accepted() {
            return accepted;
        }

        @Override
        public void close() throws IOException {
            server.close();
            for (Socket socket : accepted) {
                socket.close();
            }
        }
    }
}
