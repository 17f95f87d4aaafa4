package com.datawow.datalog.cli;

import com.datawow.datalog.tools.generate.SampleRow;
import com.datawow.datalog.parquet.SensorLogFiles;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import picocli.CommandLine;

import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDateTime;
import java.util.List;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * {@code generate} through the command line. Golden values: issue 2 and
 * src/test/python/golden_values.py (CPython 3.11, {@code random.seed(0)}).
 */
class GenerateCommandTest {

    private final StringWriter out = new StringWriter();
    private final StringWriter err = new StringWriter();

    @Test
    void writes61FilesOf1914RowsForTheFirstHour(@TempDir Path directory) throws IOException {
        int exitCode = run("generate", "--dir", directory.toString(), "--to", "2023-01-01 01:00");

        assertThat(exitCode).as(err.toString()).isZero();
        List<String> names = fileNames(directory);
        assertThat(names).hasSize(61).first().isEqualTo("2023-01-01 00:00:00.parquet");
        assertThat(names).last().isEqualTo("2023-01-01 01:00:00.parquet");
        for (String name : names) {
            assertThat(SensorLogFiles.footer(directory.resolve(name)).getBlocks().getFirst().getRowCount())
                    .as(name).isEqualTo(1914);
        }
        List<SampleRow> first = SensorLogFiles.rows(directory.resolve("2023-01-01 00:00:00.parquet"));
        assertThat(first.getFirst().departmentName()).isEqualTo("qvgtdfuivcdsboxnraqpokjzaayedfuy");
        assertThat(first.subList(0, 5)).extracting(row -> row.productExpire().toLocalDate().toEpochDay()
                - row.createAt().toLocalDate().toEpochDay()).containsExactly(89L, 87L, 89L, 87L, 87L);
        assertThat(out.toString()).contains("Wrote 61 file(s), 116,754 rows");
    }

    @Test
    void aMinuteMidMonthHasTheOriginalsValues(@TempDir Path directory) throws IOException {
        int exitCode = run("generate", "--dir", directory.toString(), "--from", "2023-01-15 12:34", "--minutes", "1");

        assertThat(exitCode).as(err.toString()).isZero();
        assertThat(fileNames(directory)).containsExactly("2023-01-15 12:34:00.parquet");
        List<SampleRow> rows = SensorLogFiles.rows(directory.resolve("2023-01-15 12:34:00.parquet"));
        LocalDateTime minute = LocalDateTime.of(2023, 1, 15, 12, 34);
        // golden_values.py: rows 0 and 1000 of minute 2023-01-15 12:34
        assertThat(rows.get(0).productName()).isEqualTo("qtkasojqrwshyqyc");
        assertThat(rows.get(0).productExpire()).isEqualTo(minute.plusDays(89));
        assertThat(rows.get(1000).productName()).isEqualTo("arzvdwmhurrngjqa");
        assertThat(rows.get(1000).productExpire()).isEqualTo(minute.plusDays(87));
        assertThat(rows).extracting(SampleRow::createAt).containsOnly(minute);
    }

    @Test
    void aLaterRangeWritesTheSameValuesAsTheFullRun(@TempDir Path full, @TempDir Path later) throws IOException {
        assertThat(run("generate", "--dir", full.toString(), "--to", "2023-01-01 00:05")).isZero();
        assertThat(run("generate", "--dir", later.toString(), "--from", "2023-01-01 00:03", "--to", "2023-01-01 00:05")).isZero();

        assertThat(fileNames(later)).containsExactly("2023-01-01 00:03:00.parquet", "2023-01-01 00:04:00.parquet",
                "2023-01-01 00:05:00.parquet");
        for (String name : fileNames(later)) {
            assertThat(SensorLogFiles.rows(later.resolve(name))).as(name)
                    .containsExactlyElementsOf(SensorLogFiles.rows(full.resolve(name)));
        }
    }

    @Test
    void rangesOutsideTheMonthAreRefusedWithAClearMessage(@TempDir Path directory) throws IOException {
        assertThat(run("generate", "--dir", directory.toString(), "--from", "2022-12-31 23:59", "--minutes", "2")).isEqualTo(2);
        assertThat(err.toString()).contains("The range start 2022-12-31 23:59 is outside the sample month 2023-01-01 00:00 .. 2023-01-31 00:00");

        assertThat(run("generate", "--dir", directory.toString(), "--to", "2023-02-01 00:00")).isEqualTo(2);
        assertThat(err.toString()).contains("outside the sample month");
        assertThat(fileNames(directory)).isEmpty();
    }

    @Test
    void backwardsRangesAndConflictingOptionsAreRefused(@TempDir Path directory) throws IOException {
        assertThat(run("generate", "--dir", directory.toString(), "--from", "2023-01-02 00:00", "--to", "2023-01-01 00:00"))
                .isEqualTo(2);
        assertThat(err.toString()).contains("The range starts (2023-01-02 00:00) after it ends (2023-01-01 00:00)");

        assertThat(run("generate", "--dir", directory.toString(), "--to", "2023-01-01 00:01", "--minutes", "2")).isEqualTo(2);
        assertThat(err.toString()).contains("either --to or --minutes");

        assertThat(run("generate", "--dir", directory.toString(), "--from", "yesterday")).isEqualTo(2);
        assertThat(err.toString()).contains("'yesterday' is not a minute like \"2023-01-01 00:00\"");
        assertThat(fileNames(directory)).isEmpty();
    }

    private int run(String... args) {
        CommandLine commandLine = DatalogLoader.commandLine();
        commandLine.setOut(new PrintWriter(out, true));
        commandLine.setErr(new PrintWriter(err, true));
        return commandLine.execute(args);
    }

    private static List<String> fileNames(Path directory) throws IOException {
        try (Stream<Path> files = Files.list(directory)) {
            return files.map(path -> path.getFileName().toString()).sorted().toList();
        }
    }
}
