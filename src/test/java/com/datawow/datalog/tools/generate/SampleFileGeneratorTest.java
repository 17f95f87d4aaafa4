package com.datawow.datalog.tools.generate;

import com.datawow.datalog.parquet.SensorLogFiles;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDateTime;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class SampleFileGeneratorTest {

    private static final MinuteRange FIVE_MINUTES = MinuteRange.starting(LocalDateTime.of(2023, 1, 10, 8, 0), 5);

    @Test
    void writesOneFilePerMinuteWhateverTheNumberOfWriters(@TempDir Path one, @TempDir Path three)
            throws IOException, InterruptedException {
        List<Long> reported = new CopyOnWriteArrayList<>();
        GenerationSummary summary = new SampleFileGenerator(three, 3, (written, total) -> reported.add(written))
                .generate(FIVE_MINUTES);
        new SampleFileGenerator(one, 1, GenerationProgress.NONE).generate(FIVE_MINUTES);

        assertThat(summary.files()).isEqualTo(5);
        assertThat(summary.rows()).isEqualTo(5 * 1914);
        assertThat(reported).containsExactlyInAnyOrder(1L, 2L, 3L, 4L, 5L);
        assertThat(names(three)).containsExactly("2023-01-10 08:00:00.parquet", "2023-01-10 08:01:00.parquet",
                "2023-01-10 08:02:00.parquet", "2023-01-10 08:03:00.parquet", "2023-01-10 08:04:00.parquet");
        List<SampleMinute> expected = SampleGenerator.minutes(FIVE_MINUTES);
        for (SampleMinute minute : expected) {
            assertThat(SensorLogFiles.rows(three.resolve(minute.fileName()))).containsExactlyElementsOf(minute.rows());
            assertThat(SensorLogFiles.rows(one.resolve(minute.fileName()))).containsExactlyElementsOf(minute.rows());
        }
    }

    @Test
    void failsWhenAFileCannotBeWrittenAndLeavesNoTemporaryFile(@TempDir Path directory) throws IOException {
        // a non-empty directory in the way of the third file: the rename onto it fails
        Path inTheWay = Files.createDirectory(directory.resolve("2023-01-10 08:02:00.parquet"));
        Files.writeString(inTheWay.resolve("keep"), "x");

        assertThatThrownBy(() -> new SampleFileGenerator(directory, 2, GenerationProgress.NONE).generate(FIVE_MINUTES))
                .isInstanceOf(IOException.class).hasMessageContaining("Cannot write 2023-01-10 08:02:00.parquet");
        assertThat(names(directory)).noneMatch(name -> name.startsWith(".") || name.endsWith(".tmp"));
    }

    @Test
    void failsWhenTheDirectoryCannotBeMade(@TempDir Path directory) throws IOException {
        Path notADirectory = Files.writeString(directory.resolve("occupied"), "a file, not a directory");
        assertThatThrownBy(() -> new SampleFileGenerator(notADirectory, 2, GenerationProgress.NONE).generate(FIVE_MINUTES))
                .isInstanceOf(IOException.class);
    }

    private static List<String> names(Path directory) throws IOException {
        try (Stream<Path> files = Files.list(directory)) {
            return files.map(path -> path.getFileName().toString()).sorted().toList();
        }
    }
}
