package com.datawow.datalog.ops;

import com.datawow.datalog.config.Settings;
import org.apache.camel.test.AvailablePortFinder;
import com.datawow.datalog.testing.PostgresExtension;
import com.datawow.datalog.testing.RunningLoader;
import com.datawow.datalog.testing.TestDatabase;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;

import javax.management.MBeanServerConnection;
import javax.management.ObjectName;
import javax.management.remote.JMXConnector;
import javax.management.remote.JMXConnectorFactory;
import javax.management.remote.JMXServiceURL;
import java.nio.file.Path;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** Remote JMX is off unless configured, and when on it lets in only the configured user with the password. */
@ExtendWith(PostgresExtension.class)
class RemoteJmxTest {

    private static final String INGEST_ROUTE = "org.apache.camel:context=datalog-loader,type=routes,name=\"ingest-files\"";

    @Test
    void theRightCredentialsReachTheRouteMBeansAndOthersAreRefused(TestDatabase database, @TempDir Path dropDir) throws Exception {
        int port = AvailablePortFinder.getNextAvailable();
        RemoteJmxSettings remote = new RemoteJmxSettings("127.0.0.1", port, "operator", "s3cret-Pass", false);
        try (RunningLoader ignored = RunningLoader.start(database, database.jdbcUrl(), RunningLoader.fastSettings(dropDir),
                OperationsSettings.quiet().withRemoteJmx(remote))) {
            JMXServiceURL url = new JMXServiceURL("service:jmx:rmi:///jndi/rmi://127.0.0.1:" + port + "/jmxrmi");

            try (JMXConnector connector = JMXConnectorFactory.connect(url, credentials("operator", "s3cret-Pass"))) {
                MBeanServerConnection connection = connector.getMBeanServerConnection();
                ObjectName route = new ObjectName(INGEST_ROUTE);
                assertThat(connection.queryNames(new ObjectName("org.apache.camel:context=datalog-loader,type=routes,*"), null))
                        .contains(route);
                assertThat(connection.getAttribute(route, "State")).isEqualTo("Started");
                connection.invoke(route, "suspend", new Object[0], new String[0]);
                assertThat(connection.getAttribute(route, "State")).isEqualTo("Suspended");
                connection.invoke(route, "resume", new Object[0], new String[0]);
                assertThat(connection.getAttribute(route, "State")).isEqualTo("Started");
                assertThat(connection.isRegistered(IngestStatus.objectName("datalog-loader"))).isTrue();
            }

            assertThatThrownBy(() -> JMXConnectorFactory.connect(url, credentials("operator", "wrong"))).isInstanceOf(SecurityException.class);
            assertThatThrownBy(() -> JMXConnectorFactory.connect(url, credentials("someone", "s3cret-Pass"))).isInstanceOf(SecurityException.class);
            assertThatThrownBy(() -> JMXConnectorFactory.connect(url, Map.of())).isInstanceOf(SecurityException.class);
        }
    }

    @Test
    void offUnlessAPortIsConfiguredAndNeverWithoutAPassword() {
        assertThat(RemoteJmxSettings.from(settings(Map.of()))).isEmpty();

        assertThat(RemoteJmxSettings.from(settings(Map.of(RemoteJmxSettings.PORT, "9010", RemoteJmxSettings.USER, "operator",
                RemoteJmxSettings.PASSWORD, "pw"))))
                .hasValueSatisfying(remote -> {
                    assertThat(remote.host()).isEqualTo("127.0.0.1");
                    assertThat(remote.ssl()).isFalse();
                    assertThat(remote.toString()).doesNotContain("pw,").contains("****");
                });

        assertThatThrownBy(() -> RemoteJmxSettings.from(settings(Map.of(RemoteJmxSettings.PORT, "9010", RemoteJmxSettings.USER, "operator"))))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("DATALOG_JMX_REMOTE_PASSWORD");
        assertThatThrownBy(() -> RemoteJmxSettings.from(settings(Map.of(RemoteJmxSettings.PORT, "9010", RemoteJmxSettings.PASSWORD, "pw"))))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("DATALOG_JMX_REMOTE_USER");
    }

    private static Settings settings(Map<String, String> overrides) {
        return Settings.load(Path.of("config", "application.properties"), Map.of(), overrides);
    }

    private static Map<String, ?> credentials(String user, String password) {
        return Map.of(JMXConnector.CREDENTIALS, new String[]{user, password});
    }
}
