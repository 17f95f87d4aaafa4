package com.datawow.datalog.tools;

import java.net.URISyntaxException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.CodeSource;
import java.util.ArrayList;
import java.util.List;

/**
 * How to start this very loader in a child JVM (the bench's {@code run --once}, the tests' daemons):
 * the running JVM's {@code java}, and the jar this class was loaded from ({@code -jar}), or, when
 * running from classes (tests, the IDE), this JVM's class path.
 */
public record LoaderJvm(String java, List<String> launch) {

    static final String MAIN_CLASS = "com.datawow.datalog.cli.DatalogLoader";

    public static LoaderJvm ofThisProcess() {
        String java = ProcessHandle.current().info().command()
                .orElse(Path.of(System.getProperty("java.home"), "bin", "java").toString());
        Path codeSource = codeSource();
        List<String> launch = codeSource != null && Files.isRegularFile(codeSource) && codeSource.toString().endsWith(".jar")
                ? List.of("-jar", codeSource.toString())
                : List.of("-cp", System.getProperty("java.class.path"), MAIN_CLASS);
        return new LoaderJvm(java, launch);
    }

    /** {@code java -Xmx<heap> <jvmOptions> <launch> <arguments>}. */
    public List<String> command(String heap, List<String> jvmOptions, List<String> arguments) {
        List<String> command = new ArrayList<>();
        command.add(java);
        command.add("-Xmx" + heap);
        command.add("--enable-native-access=ALL-UNNAMED");
        command.addAll(jvmOptions);
        command.addAll(launch);
        command.addAll(arguments);
        return command;
    }

    /** For the log: {@code java -jar PATH}, or {@code java -cp (this JVM's class path) MAIN}. */
    public String describe() {
        return launch.get(0).equals("-jar") ? java + " -jar " + launch.get(1) : java + " -cp (this JVM's class path) " + MAIN_CLASS;
    }

    private static Path codeSource() {
        CodeSource source = LoaderJvm.class.getProtectionDomain().getCodeSource();
        if (source == null || source.getLocation() == null) {
            return null;
        }
        try {
            return Path.of(source.getLocation().toURI());
        } catch (URISyntaxException | IllegalArgumentException e) {
            return null;
        }
    }
}
