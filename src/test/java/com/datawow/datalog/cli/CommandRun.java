package com.datawow.datalog.cli;

import com.datawow.datalog.testing.TestDatabase;
import picocli.CommandLine;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.util.ArrayList;
import java.util.List;

/** One command line executed in this JVM ({@link DatalogLoader#commandLine()} does not exit): its exit code and output. */
record CommandRun(int exitCode, String out, String err) {

    static CommandRun of(String... args) {
        StringWriter out = new StringWriter();
        StringWriter err = new StringWriter();
        CommandLine commandLine = DatalogLoader.commandLine();
        commandLine.setOut(new PrintWriter(out, true));
        commandLine.setErr(new PrintWriter(err, true));
        int exitCode = commandLine.execute(args);
        return new CommandRun(exitCode, out.toString(), err.toString());
    }

    /** {@code command} against the test database, with more arguments after the connection options. */
    static CommandRun against(TestDatabase database, String command, String... more) {
        List<String> args = new ArrayList<>(List.of(command, "--jdbc-url", database.jdbcUrl(),
                "--db-user", database.user(), "--db-password", database.password()));
        args.addAll(List.of(more));
        return of(args.toArray(String[]::new));
    }
}
