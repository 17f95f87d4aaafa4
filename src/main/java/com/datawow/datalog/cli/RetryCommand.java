package com.datawow.datalog.cli;

import com.datawow.datalog.ingest.DropDirectory;
import com.datawow.datalog.ingest.FailedFile;
import com.datawow.datalog.ingest.FailedFiles;
import picocli.CommandLine.ArgGroup;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

import java.io.IOException;
import java.io.PrintWriter;
import java.util.List;

/** {@code retry}: puts failed files from {@code .error/} back into the drop directory, for a running loader to try again. */
@Command(name = "retry", mixinStandardHelpOptions = true,
        description = {"Moves failed files from DIR/.error/ back into the drop directory DIR; a running loader takes them again. "
                + "Their reason files go (the ledger keeps the failed rows, and a new failure writes a new reason).",
                "Exit code: 0 every file is back; 1 a name is not a failed file, a file of that name is already waiting, "
                        + "or nothing failed; 2 could not run."})
final class RetryCommand extends CliCommand {

    @ArgGroup(multiplicity = "1")
    Which which;

    static final class Which {
        @Parameters(paramLabel = "NAME", arity = "1..*", description = "Failed file name(s), as in .error/ (quote names with spaces).")
        List<String> names;

        @Option(names = "--all-failed", required = true, description = "Every file in .error/.")
        boolean allFailed;
    }

    @Mixin
    DropDirOption dropDir;

    @Override
    public Integer call() throws IOException {
        DropDirectory dropDirectory = new DropDirectory(dropDir.resolve());
        FailedFiles failedFiles = new FailedFiles(dropDirectory);
        List<String> names = which.allFailed ? failedFiles.list().stream().map(FailedFile::name).toList() : which.names;
        PrintWriter out = out();
        PrintWriter err = err();
        if (names.isEmpty()) {
            err.println("No failed files in " + dropDirectory.error().toAbsolutePath());
            return DatalogLoader.EXIT_NOT_FOUND;
        }
        int notRetried = 0;
        for (String name : names) {
            switch (failedFiles.retry(name)) {
                case RETRIED -> out.println("Retrying '" + name + "': back in " + dropDirectory.root().toAbsolutePath());
                case NOT_FAILED -> {
                    err.println("No failed file named '" + name + "' in " + dropDirectory.error().toAbsolutePath());
                    notRetried++;
                }
                case NAME_TAKEN -> {
                    err.println("'" + name + "' is waiting in " + dropDirectory.root().toAbsolutePath() + " already: left in .error/");
                    notRetried++;
                }
            }
        }
        out.flush();
        err.flush();
        return notRetried == 0 ? 0 : DatalogLoader.EXIT_NOT_FOUND;
    }
}
