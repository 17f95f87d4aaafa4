package com.datawow.datalog.testing;

import ch.qos.logback.classic.Logger;
import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.core.read.ListAppender;
import org.junit.jupiter.api.extension.AfterEachCallback;
import org.junit.jupiter.api.extension.BeforeEachCallback;
import org.junit.jupiter.api.extension.ExtensionContext;
import org.slf4j.LoggerFactory;

import java.time.Duration;
import java.util.List;

/**
 * What a class of the loader logs during a test ({@code @RegisterExtension LogLines outage = LogLines.of(OutageLog.class)}),
 * as "LEVEL message" lines, and a way to wait for a line: the proof that a step was tried.
 */
public final class LogLines implements BeforeEachCallback, AfterEachCallback {

    private final Logger logger;
    private final ListAppender<ILoggingEvent> appender = new ListAppender<>();

    private LogLines(Class<?> source) {
        this.logger = (Logger) LoggerFactory.getLogger(source);
    }

    public static LogLines of(Class<?> source) {
        return new LogLines(source);
    }

    @Override
    public void beforeEach(ExtensionContext context) {
        appender.list.clear();
        appender.start();
        logger.addAppender(appender);
    }

    @Override
    public void afterEach(ExtensionContext context) {
        logger.detachAppender(appender);
        appender.stop();
    }

    /** Every line so far, "WARN Database unavailable (...)...". */
    public List<String> lines() {
        synchronized (appender.list) {
            return appender.list.stream().map(event -> event.getLevel() + " " + event.getFormattedMessage()).toList();
        }
    }

    /** How many lines start with {@code prefix} (a level and the start of a message). */
    public long count(String prefix) {
        return lines().stream().filter(line -> line.startsWith(prefix)).count();
    }

    /** Waits until a line starts with {@code prefix}; fails the test after {@code timeout}. */
    public void awaitLine(String prefix, Duration timeout) throws InterruptedException {
        LoaderChecks.awaitUntil("a log line starting with '" + prefix + "'", timeout, () -> count(prefix) > 0,
                () -> "lines so far: " + lines());
    }
}
