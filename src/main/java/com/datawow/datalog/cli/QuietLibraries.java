package com.datawow.datalog.cli;

import org.slf4j.bridge.SLF4JBridgeHandler;

/**
 * What the process sets up before any library loads, so that libraries speak only through our log
 * (Logback: its levels, its format, stderr) and print nothing of their own in front of the user.
 */
final class QuietLibraries {

    /**
     * Netty (under the HTTP server) calls {@code sun.misc.Unsafe}, which JDK 24 and newer report in four
     * WARNING lines; without it Netty uses plain NIO buffers, ample for health checks and scrapes.
     */
    static final String NETTY_NO_UNSAFE = "io.netty.noUnsafe";

    private QuietLibraries() {
    }

    /** Call first thing in {@code main}. A {@code -Dio.netty.noUnsafe=false} on the command line still wins. */
    static void configure() {
        if (System.getProperty(NETTY_NO_UNSAFE) == null) {
            System.setProperty(NETTY_NO_UNSAFE, "true");
        }
        // Hardwood and pgjdbc log through java.util.logging, whose console handler prints its own two-line
        // format (e.g. Hardwood's INFO "SIMD support: disabled" at the first file read) whatever logback.xml says.
        SLF4JBridgeHandler.removeHandlersForRootLogger();
        SLF4JBridgeHandler.install();
    }
}
