package com.datawow.datalog.cli;

import com.datawow.datalog.config.Settings;
import com.datawow.datalog.tools.generate.GenerationSummary;
import com.datawow.datalog.tools.generate.MinuteRange;
import com.datawow.datalog.tools.generate.SampleFileGenerator;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

import java.io.PrintWriter;
import java.nio.file.Path;
import java.time.LocalDateTime;
import java.util.HashMap;
import java.util.Locale;
import java.util.Map;

/** {@code generate}: writes the sample month (or part of it) exactly as sampledata.py does. */
@Command(name = "generate", mixinStandardHelpOptions = true,
        description = "Writes the sample files of sampledata.py (random.seed(0)): one Parquet file of 1,914 rows per "
                + "minute, named like '2023-01-01 00:00:00.parquet'. Any sub-range has the same rows as the full month.")
final class GenerateCommand extends CliCommand {

    static final String DROP_DIR = "datalog.drop-dir";
    private static final String DEFAULT_DIR = "data_sample";

    @Option(names = "--dir", paramLabel = "DIR",
            description = "Output directory (default: data_sample; env DATALOG_DROP_DIR).")
    Path directory;

    @Option(names = "--from", paramLabel = "\"YYYY-MM-DD HH:MM\"", converter = MinuteConverter.class,
            description = "First minute (default: 2023-01-01 00:00).")
    LocalDateTime from;

    @Option(names = "--to", paramLabel = "\"YYYY-MM-DD HH:MM\"", converter = MinuteConverter.class,
            description = "Last minute, inclusive (default: 2023-01-31 00:00).")
    LocalDateTime to;

    @Option(names = "--minutes", paramLabel = "N", description = "Write N minutes starting at --from (instead of --to).")
    Long minutes;

    @Option(names = "--writers", paramLabel = "N", defaultValue = "2",
            description = "Threads that encode and write files (default: ${DEFAULT-VALUE}).")
    int writers;

    @Override
    public Integer call() throws Exception {
        MinuteRange range = range();
        Path target = outputDirectory();
        PrintWriter out = out();
        out.printf(Locale.ROOT, "Generating %,d file(s), %s, into %s%n", range.size(), range, target.toAbsolutePath());
        out.flush();
        GenerationSummary summary = new SampleFileGenerator(target, writers, new ProgressLines(out)).generate(range);
        out.printf(Locale.ROOT, "Wrote %,d file(s), %,d rows in %.1f s (%,.0f rows/s)%n",
                summary.files(), summary.rows(), summary.seconds(), summary.rowsPerSecond());
        out.flush();
        return 0;
    }

    private MinuteRange range() {
        if (minutes != null && to != null) {
            throw usageError("Give either --to or --minutes, not both");
        }
        if (writers < 1) {
            throw usageError("--writers must be at least 1");
        }
        LocalDateTime first = from == null ? MinuteRange.MONTH_FIRST : from;
        try {
            return minutes != null
                    ? MinuteRange.starting(first, minutes)
                    : new MinuteRange(first, to == null ? MinuteRange.MONTH_LAST : to);
        } catch (IllegalArgumentException e) {
            throw usageError(e.getMessage());
        }
    }

    /** --dir over DATALOG_DROP_DIR over the properties file over data_sample. */
    private Path outputDirectory() {
        Map<String, String> overrides = new HashMap<>();
        if (directory != null) {
            overrides.put(DROP_DIR, directory.toString());
        }
        return Path.of(Settings.fromEnvironment(overrides).get(DROP_DIR, DEFAULT_DIR));
    }
}
