package com.datawow.datalog.parquet;

import dev.hardwood.HardwoodContext;
import dev.hardwood.InputFile;
import dev.hardwood.reader.ParquetFileReader;
import dev.hardwood.reader.RowReader;

import java.io.IOException;
import java.lang.management.ManagementFactory;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDateTime;

/**
 * Not a test: measures reading a typical sample file (1,914 rows, snappy, TIMESTAMP(NANOS),
 * dictionary pages) 5,000 times, one file after another on one calling thread, as the daemon does,
 * for the column readers (with and without a shared Hardwood context) and the row reader. Run:
 * <pre>
 * ./mvnw -q test-compile dependency:build-classpath -Dmdep.outputFile=target/cp.txt -Dmdep.includeScope=test
 * java -cp target/test-classes:target/classes:$(cat target/cp.txt) com.datawow.datalog.parquet.ReadThroughputBenchmark 3
 * </pre>
 */
public final class ReadThroughputBenchmark {

    private static final int ROWS = 1_914;
    private static final int FILES = 5_000;

    public static void main(String[] args) throws Exception {
        Path dir = Files.createTempDirectory("bench");
        Path file = SensorLogFixture.of(new SampleRows(0).minute(LocalDateTime.of(2023, 1, 1, 0, 0), ROWS))
                .writeTo(dir, "2023-01-01 00:00:00.parquet");
        int rounds = args.length > 0 ? Integer.parseInt(args[0]) : 3;
        for (int round = 0; round < rounds; round++) {
            measure("column readers, new context per file (Hardwood default)", () -> readColumns(file, null));
            try (HardwoodContext one = HardwoodContext.create(1)) {
                measure("column readers, shared context, 1 decode thread", () -> readColumns(file, one));
            }
            int cores = Runtime.getRuntime().availableProcessors();
            try (HardwoodContext all = HardwoodContext.create(cores)) {
                measure("column readers, shared context, " + cores + " decode threads", () -> readColumns(file, all));
            }
            try (HardwoodContext one = HardwoodContext.create(1)) {
                measure("row reader, shared context, 1 decode thread", () -> readRows(file, one));
            }
        }
    }

    private static long readColumns(Path file, HardwoodContext context) throws IOException {
        long rows = 0;
        try (SensorLogReader reader = SensorLogReader.open(file, 10_000, com.datawow.datalog.quarantine.BadRows.REJECT_FILE, context)) {
            while (reader.hasNext()) {
                rows += reader.next().size();
            }
        }
        return rows;
    }

    /** What the design notes measured: every column materialised as objects, row by row. */
    private static long readRows(Path file, HardwoodContext context) throws IOException {
        long rows = 0;
        try (ParquetFileReader parquet = ParquetFileReader.open(InputFile.of(file), context);
             RowReader reader = parquet.rowReader()) {
            while (reader.hasNext()) {
                reader.next();
                reader.getString("department_name");
                reader.getString("sensor_serial");
                reader.getLocalTimestamp("create_at");
                reader.getString("product_name");
                reader.getLocalTimestamp("product_expire");
                rows++;
            }
        }
        return rows;
    }

    private interface FileRead {
        long read() throws IOException;
    }

    private static void measure(String label, FileRead read) throws IOException {
        for (int i = 0; i < FILES / 5; i++) {
            read.read(); // warm-up
        }
        var os = (com.sun.management.OperatingSystemMXBean) ManagementFactory.getOperatingSystemMXBean();
        long cpuBefore = os.getProcessCpuTime();
        long start = System.nanoTime();
        long rows = 0;
        for (int i = 0; i < FILES; i++) {
            rows += read.read();
        }
        long wall = System.nanoTime() - start;
        long cpu = os.getProcessCpuTime() - cpuBefore;
        // the machine is shared: CPU time per file is steadier than wall time
        System.out.printf("%-60s %,10.0f rows/s wall  %6.3f ms/file  %,10.0f rows per CPU-second%n",
                label, rows * 1e9 / wall, wall / 1e6 / FILES, rows * 1e9 / cpu);
    }
}
