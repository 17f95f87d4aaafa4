package com.datawow.datalog.ops;

import com.datawow.datalog.db.DatabaseProbe;
import com.datawow.datalog.ingest.DropDirectory;
import com.datawow.datalog.ingest.IngestStatistics;
import io.micrometer.prometheusmetrics.PrometheusMeterRegistry;
import org.apache.camel.health.HealthCheckRegistry;
import org.apache.camel.main.BaseMainSupport;
import org.apache.camel.main.Main;
import org.apache.camel.main.MainListenerSupport;
import org.apache.camel.support.service.ServiceSupport;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import javax.management.InstanceAlreadyExistsException;
import javax.management.InstanceNotFoundException;
import javax.management.MBeanServer;
import javax.management.ObjectName;
import javax.management.JMException;
import javax.sql.DataSource;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.lang.management.ManagementFactory;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;

/**
 * Makes a daemon operable: the HTTP health and metrics server (camel-main's management server),
 * the loader's meters and health check, its status MBean, remote JMX and the progress line.
 * Installed into the camel-main {@link Main} before it starts; started and stopped with it.
 */
public final class Operations {

    private static final Logger LOG = LoggerFactory.getLogger(Operations.class);
    /** The bean name camel-micrometer-prometheus looks up, so Camel's meters and ours share one registry. */
    static final String METRICS_REGISTRY = "metricsRegistry";
    private static final Duration DATABASE_CHECK_TIMEOUT = Duration.ofSeconds(3);
    private static final Duration BAR_INTERVAL = Duration.ofMillis(500);

    private Operations() {
    }

    /** The camel-main keys for the HTTP server; the caller's own {@code camel.*} keys come after and win. */
    public static Map<String, String> camelProperties(OperationsSettings settings) {
        Map<String, String> properties = new LinkedHashMap<>();
        properties.put("camel.main.jmxEnabled", "true");
        properties.put("camel.management.enabled", String.valueOf(settings.httpEnabled()));
        properties.put("camel.metrics.enabled", String.valueOf(settings.httpEnabled()));
        if (settings.httpEnabled()) {
            // One server: camel-main's HTTP server, which serves platform-http routes (the console), is
            // created first; the management server finds it on the same port and adds health and metrics to it.
            properties.put("camel.server.enabled", "true");
            properties.put("camel.server.host", settings.httpHost());
            properties.put("camel.server.port", String.valueOf(settings.httpPort()));
            properties.put("camel.management.host", settings.httpHost());
            properties.put("camel.management.port", String.valueOf(settings.httpPort()));
            properties.put("camel.management.healthCheckEnabled", "true");
            properties.put("camel.management.healthPath", "/observe/health");
            properties.put("camel.management.metricsEnabled", "true");
            properties.put("camel.metrics.path", "/observe/metrics");
        }
        return properties;
    }

    public static void install(Main main, String contextName, OperationsSettings settings, IngestStatistics statistics,
                               DropDirectory dropDirectory, DataSource dataSource) {
        camelProperties(settings).forEach(main::addInitialProperty);

        DatabaseProbe database = new DatabaseProbe(dataSource);
        PrometheusMeterRegistry meters = LoaderMeterRegistry.create();
        IngestMetrics.bind(meters, statistics, dropDirectory);
        DatabaseUpGauge.bind(meters, database, DATABASE_CHECK_TIMEOUT);
        main.bind(METRICS_REGISTRY, meters);
        main.bind("batchWriteTiming", new BatchWriteTiming(meters));

        ProgressReporter progress = new ProgressReporter(statistics::snapshot, dropDirectory::waitingFiles, System::nanoTime,
                switch (settings.progressStyle()) {
                    case TERMINAL_BAR -> new TerminalProgressBar(System.err, settings.progressInterval());
                    case LOG_LINES, OFF -> new LogProgress();
                });
        OperatorServices services = new OperatorServices(contextName, settings, new IngestStatus(statistics, dropDirectory), progress);
        DatabaseHealthCheck databaseCheck = new DatabaseHealthCheck(database, DATABASE_CHECK_TIMEOUT);
        main.addMainListener(new MainListenerSupport() {
            /** Once the context exists: the health check into its registry, and the services into its lifecycle
             *  (camel-main calls its own after-start hooks from {@code run()} only, not from {@code start()}). */
            @Override
            public void afterConfigure(BaseMainSupport configured) {
                HealthCheckRegistry.get(configured.getCamelContext()).register(databaseCheck);
                try {
                    configured.getCamelContext().addService(services, true, true);
                } catch (Exception e) {
                    throw new IllegalStateException("Cannot add the operator services: " + e.getMessage(), e);
                }
            }
        });
    }

    /** What an operator sees of the loader: the status MBean, remote JMX and the progress reporter, started and stopped with the Camel context. */
    private static final class OperatorServices extends ServiceSupport {

        private final OperationsSettings settings;
        private final IngestStatus status;
        private final ObjectName statusName;
        private final ProgressReporter progress;
        private final MBeanServer mbeans = ManagementFactory.getPlatformMBeanServer();
        private Optional<RemoteJmxServer> remoteJmx = Optional.empty();
        private boolean statusRegistered;

        OperatorServices(String contextName, OperationsSettings settings, IngestStatus status, ProgressReporter progress) {
            this.settings = settings;
            this.status = status;
            this.statusName = IngestStatus.objectName(contextName);
            this.progress = progress;
        }

        @Override
        protected void doStart() {
            registerStatus();
            settings.remoteJmx().ifPresent(remote -> {
                try {
                    remoteJmx = Optional.of(RemoteJmxServer.start(remote, mbeans));
                } catch (IOException e) {
                    throw new UncheckedIOException("Cannot start remote JMX on " + remote.host() + ":" + remote.port() + ": " + e.getMessage(), e);
                }
            });
            if (settings.httpEnabled()) {
                String server = "http://" + settings.httpHost() + ":" + settings.httpPort();
                LOG.info("Console {}/, health {}/observe/health, metrics {}/observe/metrics", server, server, server);
            }
            switch (settings.progressStyle()) {
                case LOG_LINES -> progress.start(settings.progressInterval());
                case TERMINAL_BAR -> progress.start(BAR_INTERVAL);
                case OFF -> { }
            }
        }

        @Override
        protected void doStop() {
            progress.close();
            remoteJmx.ifPresent(RemoteJmxServer::close);
            remoteJmx = Optional.empty();
            unregisterStatus();
        }

        private void registerStatus() {
            try {
                mbeans.registerMBean(status, statusName);
                statusRegistered = true;
            } catch (InstanceAlreadyExistsException e) {
                LOG.warn("{} is already registered (another loader in this JVM); not registered again", statusName);
            } catch (JMException e) {
                throw new IllegalStateException("Cannot register " + statusName + ": " + e.getMessage(), e);
            }
        }

        private void unregisterStatus() {
            if (!statusRegistered) {
                return;
            }
            try {
                mbeans.unregisterMBean(statusName);
            } catch (InstanceNotFoundException ignored) {
                // already gone
            } catch (JMException e) {
                LOG.warn("Cannot unregister {}: {}", statusName, e.getMessage());
            }
            statusRegistered = false;
        }
    }
}
