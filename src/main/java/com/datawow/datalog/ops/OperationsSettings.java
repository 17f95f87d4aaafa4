package com.datawow.datalog.ops;

import com.datawow.datalog.config.Settings;

import java.time.Duration;
import java.util.Optional;

/**
 * How the daemon is operated: the HTTP server (health, metrics, the console), remote JMX, the
 * progress line, and the operator's credentials for the console's actions.
 * Read from {@link Settings} (option &gt; env &gt; file), typed.
 */
public record OperationsSettings(boolean httpEnabled,
                                 String httpHost,
                                 int httpPort,
                                 Duration progressInterval,
                                 ProgressStyle progressStyle,
                                 Optional<RemoteJmxSettings> remoteJmx,
                                 Optional<OperatorCredentials> operator) {

    public static final String HTTP_ENABLED = "datalog.http.enabled";
    public static final String HTTP_HOST = "datalog.http.host";
    public static final String HTTP_PORT = "datalog.http.port";
    public static final String PROGRESS_INTERVAL_S = "datalog.progress-interval-s";

    public static final String DEFAULT_HTTP_HOST = "127.0.0.1";
    public static final int DEFAULT_HTTP_PORT = 8080;

    public OperationsSettings {
        if (httpPort < 0 || httpPort > 65_535) {
            throw new IllegalArgumentException(HTTP_PORT + " must be a port number (0-65535), got " + httpPort);
        }
        if (progressInterval.isNegative() || progressInterval.isZero()) {
            throw new IllegalArgumentException(PROGRESS_INTERVAL_S + " must be at least 1 second, got " + progressInterval.toSeconds());
        }
    }

    /** What {@code run} and {@code demo} use: HTTP on, progress lines in the log, remote JMX as configured. */
    public static OperationsSettings from(Settings settings) {
        return new OperationsSettings(
                settings.getBoolean(HTTP_ENABLED, true),
                settings.get(HTTP_HOST, DEFAULT_HTTP_HOST),
                settings.getInt(HTTP_PORT, DEFAULT_HTTP_PORT),
                Duration.ofSeconds(settings.getLong(PROGRESS_INTERVAL_S, 10)),
                ProgressStyle.LOG_LINES,
                RemoteJmxSettings.from(settings),
                OperatorCredentials.from(settings));
    }

    /** Embedded use (tests): no HTTP server, no remote JMX, no progress output; local JMX only. */
    public static OperationsSettings quiet() {
        return new OperationsSettings(false, DEFAULT_HTTP_HOST, DEFAULT_HTTP_PORT, Duration.ofSeconds(10), ProgressStyle.OFF,
                Optional.empty(), Optional.empty());
    }

    public OperationsSettings withHttp(String host, int port) {
        return new OperationsSettings(true, host, port, progressInterval, progressStyle, remoteJmx, operator);
    }

    public OperationsSettings withHttpEnabled(boolean enabled) {
        return new OperationsSettings(enabled, httpHost, httpPort, progressInterval, progressStyle, remoteJmx, operator);
    }

    public OperationsSettings withProgress(ProgressStyle style, Duration interval) {
        return new OperationsSettings(httpEnabled, httpHost, httpPort, interval, style, remoteJmx, operator);
    }

    public OperationsSettings withRemoteJmx(RemoteJmxSettings remote) {
        return new OperationsSettings(httpEnabled, httpHost, httpPort, progressInterval, progressStyle, Optional.of(remote), operator);
    }

    public OperationsSettings withOperator(OperatorCredentials credentials) {
        return new OperationsSettings(httpEnabled, httpHost, httpPort, progressInterval, progressStyle, remoteJmx, Optional.of(credentials));
    }
}
