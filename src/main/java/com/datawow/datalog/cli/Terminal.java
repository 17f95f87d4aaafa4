package com.datawow.datalog.cli;

import java.io.Console;
import java.io.IOException;
import java.lang.reflect.Method;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * Whether a person is watching: stdin and stdout on a terminal, and stderr too, where the progress bar
 * is drawn. A bar redrawn in place is one endless line to a file or a log collector, so
 * {@code run --once 2> run.log} from a terminal must log progress lines instead.
 */
final class Terminal {

    /** Where this process's stderr goes, on Linux. */
    private static final Path STDERR = Path.of("/proc/self/fd/2");

    private Terminal() {
    }

    static boolean isInteractive() {
        return consoleIsTerminal() && isTerminal(STDERR);
    }

    /**
     * Whether {@code descriptorLink} (a {@code /proc/self/fd/N} link) leads to a terminal device. Where
     * that cannot be told (no {@code /proc}, as on macOS), stderr is taken to go where stdout goes.
     */
    static boolean isTerminal(Path descriptorLink) {
        String target;
        try {
            target = Files.readSymbolicLink(descriptorLink).toString();
        } catch (IOException | UnsupportedOperationException cannotTell) {
            return true;
        }
        return target.startsWith("/dev/pts/") || target.startsWith("/dev/tty") || target.equals("/dev/console");
    }

    private static boolean consoleIsTerminal() {
        Console console = System.console();
        if (console == null) {
            return false;
        }
        // From JDK 22 System.console() is non-null even when redirected; Console.isTerminal() tells (built for 21: looked up)
        try {
            Method isTerminal = Console.class.getMethod("isTerminal");
            return (Boolean) isTerminal.invoke(console);
        } catch (NoSuchMethodException olderJdk) {
            return true;
        } catch (ReflectiveOperationException e) {
            return false;
        }
    }
}
