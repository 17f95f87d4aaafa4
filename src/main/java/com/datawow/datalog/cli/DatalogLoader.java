package com.datawow.datalog.cli;

import com.datawow.datalog.failure.Causes;
import picocli.CommandLine;
import picocli.CommandLine.Command;

import java.util.List;

/** The command line: {@code java -jar datalog-loader.jar <command>}. */
@Command(name = "datalog-loader",
        mixinStandardHelpOptions = true,
        versionProvider = VersionProvider.class,
        description = "Loads sensor-log Parquet files into a PostgreSQL warehouse, exactly once.",
        subcommands = {GenerateCommand.class, SchemaCommand.class, RunCommand.class, ReportCommand.class, DemoCommand.class, BenchCommand.class,
                FilesCommand.class, RetryCommand.class, UnloadCommand.class, CommandLine.HelpCommand.class})
public final class DatalogLoader {

    /** Exit code for "could not run" (bad configuration, unreachable database, ...). */
    public static final int EXIT_CANNOT_RUN = 2;
    /** Exit code of the ledger commands when what they were asked about is not there: nothing was changed. */
    public static final int EXIT_NOT_FOUND = 1;

    public static void main(String[] args) {
        QuietLibraries.configure();
        System.exit(commandLine().execute(args));
    }

    public static CommandLine commandLine() {
        CommandLine commandLine = new CommandLine(new DatalogLoader());
        commandLine.setExecutionExceptionHandler((exception, cmd, parseResult) -> {
            cmd.getErr().println(cmd.getColorScheme().errorText("error: " + messageOf(exception)));
            return EXIT_CANNOT_RUN;
        });
        return commandLine;
    }

    /** The failure's message with each cause's that adds something to it. */
    private static String messageOf(Throwable exception) {
        List<Throwable> chain = Causes.of(exception);
        StringBuilder message = new StringBuilder(String.valueOf(exception.getMessage()));
        for (Throwable cause : chain.subList(1, chain.size())) {
            if (cause.getMessage() != null && !message.toString().contains(cause.getMessage())) {
                message.append(": ").append(cause.getMessage());
            }
        }
        return message.toString();
    }
}
