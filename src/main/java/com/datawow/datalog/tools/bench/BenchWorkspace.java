package com.datawow.datalog.tools.bench;

import com.datawow.datalog.tools.generate.GenerationProgress;
import com.datawow.datalog.tools.generate.GenerationSummary;
import com.datawow.datalog.tools.generate.MinuteRange;
import com.datawow.datalog.tools.generate.SampleFileGenerator;

import java.io.IOException;
import java.io.PrintWriter;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.SQLException;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.stream.Stream;

/** A bench run's temporary directory and databases: sample files generated into it, everything removed at the end unless kept. */
record BenchWorkspace(BenchOptions options, PrintWriter out, Path dir) {

    static BenchWorkspace create(BenchOptions options, PrintWriter out) throws IOException {
        return new BenchWorkspace(options, out, Files.createTempDirectory(Files.createDirectories(options.workDir()), "datalog-bench-"));
    }

    Path resolve(String name) {
        return dir.resolve(name);
    }

    GenerationSummary generate(MinuteRange range, Path into) throws IOException, InterruptedException {
        out.printf(Locale.ROOT, "Generating %,d file(s), %s, into %s ...%n", range.size(), range, into);
        out.flush();
        GenerationSummary generated = new SampleFileGenerator(into, 2, GenerationProgress.NONE).generate(range);
        out.printf(Locale.ROOT, "Generated %,d file(s), %,d rows in %.1f s (not part of the figures below)%n",
                generated.files(), generated.rows(), generated.seconds());
        out.flush();
        return generated;
    }

    /** Drops the databases and deletes the directory, unless --keep; says what it did. */
    void cleanUp(List<DatabaseName> databases, boolean finished) {
        if (options.keep()) {
            out.printf(Locale.ROOT, "Kept (--keep): databases %s, files under %s%n", databases, dir);
            out.flush();
            return;
        }
        for (DatabaseName database : databases) {
            try {
                options.server().dropIfExists(database);
            } catch (SQLException e) {
                out.printf(Locale.ROOT, "Could not drop database %s: %s%n", database, e.getMessage());
            }
        }
        try {
            deleteRecursively(dir);
        } catch (UncheckedIOException e) {
            out.printf(Locale.ROOT, "Could not delete %s: %s%n", dir, e.getMessage());
        }
        if (finished) {
            out.printf(Locale.ROOT, "Dropped %s and deleted %s (--keep keeps them)%n", databases, dir);
        }
        out.flush();
    }

    private static void deleteRecursively(Path dir) {
        try (Stream<Path> paths = Files.walk(dir)) {
            for (Path path : paths.sorted(Comparator.reverseOrder()).toList()) {
                Files.deleteIfExists(path);
            }
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot delete " + dir, e);
        }
    }
}
