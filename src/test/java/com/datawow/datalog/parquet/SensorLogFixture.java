package com.datawow.datalog.parquet;

import com.datawow.datalog.tools.generate.IndexedRowWriteSupport;
import org.apache.parquet.conf.PlainParquetConfiguration;
import org.apache.parquet.hadoop.ParquetWriter;
import org.apache.parquet.io.LocalOutputFile;
import org.apache.parquet.schema.MessageType;
import org.apache.parquet.schema.Type;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDateTime;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Map.Entry;
import java.util.Objects;
import java.util.function.IntFunction;

/**
 * Writes sensor-log Parquet files for tests, with parquet-java (no Hadoop needed). By default the
 * file looks like pandas/pyarrow writes it: the five columns in the sample order, optional
 * (nullable), text as STRING, timestamps as naive TIMESTAMP(NANOS), snappy, dictionary pages,
 * one row group. Every aspect can be changed to make valid variations or bad schemas:
 *
 * <pre>{@code
 * Path file = SensorLogFixture.of(rows)
 *         .timestamps(ColumnType.INT96)
 *         .codec(Codec.GZIP)
 *         .rowGroupRows(500)
 *         .extraColumn("temperature", ColumnType.DOUBLE)
 *         .columnOrder("product_expire", "temperature", "department_name")
 *         .writeTo(dropDirectory, "2023-01-01 00:00:00.parquet");
 * }</pre>
 *
 * Values of the sensor-log columns come from the rows; an extra column holds the row's index
 * (as text or number) or, for a timestamp type, the row's {@code create_at}.
 */
public final class SensorLogFixture {

    /** The minute of the reader tests' files, and the name pandas gives such a file. */
    public static final LocalDateTime MINUTE = LocalDateTime.of(2023, 1, 1, 0, 5);
    public static final String NAME = "2023-01-01 00:05:00.parquet";

    /** The sensor-log columns, in the order of the sample files. */
    public static final List<String> COLUMNS =
            List.of("department_name", "sensor_serial", "create_at", "product_name", "product_expire");

    private static final int PAGE_SIZE = 64 * 1024;

    private final int rowCount;
    private final IntFunction<SensorLogRow> rowAt;
    private final Map<String, ColumnType> columns = new LinkedHashMap<>();
    private final List<String> extraColumns = new ArrayList<>();
    private List<String> order = List.of();
    private boolean adjustedToUtc;
    private Codec codec = Codec.SNAPPY;
    private boolean dictionary = true;
    private int rowGroupRows = Integer.MAX_VALUE;
    private Type.Repetition repetition = Type.Repetition.OPTIONAL;

    private SensorLogFixture(int rowCount, IntFunction<SensorLogRow> rowAt) {
        this.rowCount = rowCount;
        this.rowAt = rowAt;
        columns.put("department_name", ColumnType.STRING);
        columns.put("sensor_serial", ColumnType.STRING);
        columns.put("create_at", ColumnType.TIMESTAMP_NANOS);
        columns.put("product_name", ColumnType.STRING);
        columns.put("product_expire", ColumnType.TIMESTAMP_NANOS);
    }

    /** A file holding these rows, in this order. */
    public static SensorLogFixture of(List<SensorLogRow> rows) {
        List<SensorLogRow> copy = new ArrayList<>(rows);
        return new SensorLogFixture(copy.size(), copy::get);
    }

    /**
     * A file of {@code rowCount} rows made one at a time while writing, for files too big for a
     * list: {@code rowAt} is called once per row, in order, with the 0-based row index.
     */
    public static SensorLogFixture generated(int rowCount, IntFunction<SensorLogRow> rowAt) {
        return new SensorLogFixture(rowCount, rowAt);
    }

    /** The type of both timestamp columns: TIMESTAMP_MILLIS, _MICROS, _NANOS or INT96. */
    public SensorLogFixture timestamps(ColumnType type) {
        columns.put("create_at", type);
        columns.put("product_expire", type);
        return this;
    }

    /** Marks INT64 timestamps as adjusted to UTC (isAdjustedToUTC=true); the default is naive. */
    public SensorLogFixture adjustedToUtc(boolean adjusted) {
        this.adjustedToUtc = adjusted;
        return this;
    }

    public SensorLogFixture codec(Codec codec) {
        this.codec = Objects.requireNonNull(codec);
        return this;
    }

    /** Dictionary-encoded pages (the default) or plain pages only. */
    public SensorLogFixture dictionary(boolean dictionary) {
        this.dictionary = dictionary;
        return this;
    }

    /** At most this many rows per row group, so that a file has several. */
    public SensorLogFixture rowGroupRows(int rows) {
        this.rowGroupRows = rows;
        return this;
    }

    /** Gives a sensor-log column another type (to make a wrong schema) or the type of an extra column. */
    public SensorLogFixture column(String name, ColumnType type) {
        if (!columns.containsKey(name)) {
            throw new IllegalArgumentException("no column " + name + "; use extraColumn to add one");
        }
        columns.put(name, type);
        return this;
    }

    /** Adds a column that the reader must ignore, after the others unless {@link #columnOrder} says otherwise. */
    public SensorLogFixture extraColumn(String name, ColumnType type) {
        if (columns.putIfAbsent(name, type) != null) {
            throw new IllegalArgumentException("column " + name + " exists already");
        }
        extraColumns.add(name);
        return this;
    }

    public SensorLogFixture withoutColumn(String name) {
        if (columns.remove(name) == null) {
            throw new IllegalArgumentException("no column " + name);
        }
        extraColumns.remove(name);
        return this;
    }

    /** These columns first, in this order; the others follow in their usual order. */
    public SensorLogFixture columnOrder(String... names) {
        this.order = List.of(names);
        return this;
    }

    /** Declares every column REQUIRED (not nullable) instead of OPTIONAL; a null value then fails the write. */
    public SensorLogFixture requiredColumns() {
        this.repetition = Type.Repetition.REQUIRED;
        return this;
    }

    /** Writes the file into the directory (created if needed) and returns its path. */
    public Path writeTo(Path directory, String fileName) {
        try {
            Files.createDirectories(directory);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return writeTo(directory.resolve(fileName));
    }

    /** Writes (or overwrites) the file and returns its path. */
    public Path writeTo(Path file) {
        List<Entry<String, ColumnType>> layout = layout();
        MessageType schema = new MessageType("schema", layout.stream()
                .map(c -> c.getValue().declare(c.getKey(), repetition, adjustedToUtc))
                .toList());
        try (ParquetWriter<Integer> writer = new RowWriteSupport(schema, layout).writerBuilder(new LocalOutputFile(file))
                .withConf(new PlainParquetConfiguration())
                .withWriteMode(org.apache.parquet.hadoop.ParquetFileWriter.Mode.OVERWRITE)
                .withCodecFactory(Codec.factory(PAGE_SIZE))
                .withCompressionCodec(codec.parquetName())
                .withDictionaryEncoding(dictionary)
                .withPageSize(PAGE_SIZE)
                .withRowGroupRowCountLimit(rowGroupRows)
                .withRowGroupSize(256L * 1024 * 1024)
                .build()) {
            for (int i = 0; i < rowCount; i++) {
                writer.write(i);
            }
        } catch (IOException e) {
            throw new UncheckedIOException("cannot write fixture " + file, e);
        }
        return file;
    }

    private List<Entry<String, ColumnType>> layout() {
        List<Entry<String, ColumnType>> layout = new ArrayList<>();
        for (String name : order) {
            ColumnType type = columns.get(name);
            if (type == null) {
                throw new IllegalArgumentException("column order names " + name + ", which the file does not have");
            }
            layout.add(Map.entry(name, type));
        }
        columns.forEach((name, type) -> {
            if (!order.contains(name)) {
                layout.add(Map.entry(name, type));
            }
        });
        return layout;
    }

    private Object value(String column, ColumnType type, int index, SensorLogRow row) {
        if (!extraColumns.contains(column)) {
            return row.value(column);
        }
        return switch (type) {
            case TIMESTAMP_MILLIS, TIMESTAMP_MICROS, TIMESTAMP_NANOS, INT96 -> row.createAt();
            case STRING, BINARY -> "extra-" + index;
            default -> index;
        };
    }

    /** Writes row {@code index} column by column; a null value is left out, which Parquet reads as null. */
    private final class RowWriteSupport extends IndexedRowWriteSupport {

        private final List<Entry<String, ColumnType>> layout;

        RowWriteSupport(MessageType schema, List<Entry<String, ColumnType>> layout) {
            super(schema);
            this.layout = layout;
        }

        @Override
        public void write(Integer index) {
            SensorLogRow row = rowAt.apply(index);
            consumer().startMessage();
            for (int field = 0; field < layout.size(); field++) {
                String name = layout.get(field).getKey();
                ColumnType type = layout.get(field).getValue();
                Object value = value(name, type, index, row);
                if (value != null) {
                    consumer().startField(name, field);
                    type.write(consumer(), value);
                    consumer().endField(name, field);
                }
            }
            consumer().endMessage();
        }
    }
}
