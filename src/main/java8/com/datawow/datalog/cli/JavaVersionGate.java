package com.datawow.datalog.cli;

import java.lang.invoke.MethodHandle;
import java.lang.invoke.MethodHandles;
import java.lang.invoke.MethodType;

/**
 * The jar's entry point. Compiled for Java 8 (its own compiler execution) so that any Java from 8 up
 * can load it: on a Java older than {@value #REQUIRED_FEATURE} it prints one line saying which Java
 * is needed, which one ran and how to start another, and exits 2, where the JVM itself would print a
 * {@code LinkageError} stack; otherwise it hands over to {@link DatalogLoader} unchanged.
 */
public final class JavaVersionGate {

    static final int REQUIRED_FEATURE = 21;
    /** {@code DatalogLoader.EXIT_CANNOT_RUN}, which this class cannot name (it is compiled for Java 8). */
    static final int EXIT_CANNOT_RUN = 2;
    private static final String APPLICATION = "com.datawow.datalog.cli.DatalogLoader";

    private JavaVersionGate() {
    }

    public static void main(String[] args) throws Throwable {
        int feature = featureVersion(System.getProperty("java.specification.version"));
        if (feature < REQUIRED_FEATURE) {
            System.err.println(refusal(System.getProperty("java.version"), System.getProperty("java.home")));
            System.exit(EXIT_CANNOT_RUN);
        }
        // Looked up by name: a reference compiled in here would make this class as new as the rest.
        // A method handle passes the application's exceptions through as they are, unwrapped.
        MethodHandle application = MethodHandles.publicLookup().findStatic(Class.forName(APPLICATION), "main",
                MethodType.methodType(void.class, String[].class));
        application.invokeExact(args);
    }

    /** The feature release from {@code java.specification.version}: "1.8" is 8, "17" is 17. */
    static int featureVersion(String specificationVersion) {
        String version = specificationVersion.startsWith("1.") ? specificationVersion.substring(2) : specificationVersion;
        int end = 0;
        while (end < version.length() && Character.isDigit(version.charAt(end))) {
            end++;
        }
        return end == 0 ? 0 : Integer.parseInt(version.substring(0, end));
    }

    /** One line: the Java needed, the one found, and how to start another. */
    static String refusal(String javaVersion, String javaHome) {
        return "datalog-loader needs Java " + REQUIRED_FEATURE + " or newer, but this is Java " + javaVersion + " (" + javaHome
                + "): start it with ./datalog-loader, which finds a Java " + REQUIRED_FEATURE + "+ by itself,"
                + " or with a newer Java's own launcher, e.g. $JAVA_HOME/bin/java -jar target/datalog-loader.jar";
    }
}
