package com.datawow.datalog.ops;

import com.datawow.datalog.tools.generate.GenerationProgress;
import com.datawow.datalog.tools.generate.MinuteRange;
import com.datawow.datalog.tools.generate.SampleFileGenerator;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.List;
import java.util.stream.Stream;

/** Generated sample files kept aside, dropped into the drop directory a few at a time. */
final class SampleFiles {

    private final Path staging;

    private SampleFiles(Path staging) {
        this.staging = staging;
    }

    /** The sample month's minutes {@code skip} .. {@code skip + count - 1} (tests sharing a database take different ones). */
    static SampleFiles generate(Path staging, int skip, int count) throws IOException, InterruptedException {
        new SampleFileGenerator(staging, 2, GenerationProgress.NONE)
                .generate(MinuteRange.starting(MinuteRange.MONTH_FIRST.plusMinutes(skip), count));
        return new SampleFiles(staging);
    }

    /** Moves the next {@code count} files (oldest first) into {@code dropDir}; returns their names. */
    List<String> drop(Path dropDir, int count) throws IOException {
        List<Path> files;
        try (Stream<Path> entries = Files.list(staging)) {
            files = entries.filter(p -> p.getFileName().toString().endsWith(".parquet")).sorted().toList();
        }
        List<Path> batch = files.subList(0, count);
        for (Path file : batch) {
            Files.move(file, dropDir.resolve(file.getFileName()), StandardCopyOption.ATOMIC_MOVE);
        }
        return batch.stream().map(p -> p.getFileName().toString()).toList();
    }
}
