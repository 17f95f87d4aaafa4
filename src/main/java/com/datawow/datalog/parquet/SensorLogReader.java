package com.datawow.datalog.parquet;

import com.datawow.datalog.quarantine.BadRows;
import dev.hardwood.HardwoodContext;
import dev.hardwood.InputFile;
import dev.hardwood.reader.ColumnReader;
import dev.hardwood.reader.ColumnReaders;
import dev.hardwood.reader.ParquetFileReader;
import dev.hardwood.reader.Validity;
import dev.hardwood.schema.ColumnProjection;

import java.io.Closeable;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.FileSystemException;
import java.nio.file.Path;
import java.util.BitSet;
import java.util.Iterator;
import java.util.NoSuchElementException;

/**
 * Streams a sensor-log Parquet file as {@link SensorLogBatch}es of at most {@code batchSize}
 * rows: the only class that talks to Hardwood. It reads only the five required columns, column by
 * column, so memory is bounded by one batch and the pages of one row group, whatever the file's size.
 *
 * <p>The schema is checked when the file is opened, before any row is produced. Every batch is
 * checked by {@link RowRules} before it is handed out: a row that breaks a rule rejects the file
 * or, in quarantine mode ({@link BadRows}), is set aside and left out of its batch (a batch may
 * then be empty; it is handed out all the same). Bad input surfaces as a
 * {@link com.datawow.datalog.failure.BadInputException} from {@link #open}, {@link #hasNext()} or
 * {@link #next()}; a file-system failure (the file vanished, no permission) as an
 * {@link IOException} from {@code open}, or an {@link UncheckedIOException} later, because retrying
 * may help. The reader closes itself when the file is exhausted or fails; {@link #close()} may be
 * called any number of times.
 */
public final class SensorLogReader implements Iterator<SensorLogBatch>, Closeable {

    private final String fileName;
    private final ParquetFileReader file;
    private final ColumnReaders columns;
    private final SensorLogSchema schema;
    private final long rowCount;
    private final BadRows badRows;
    private long nextRow = 1;
    private SensorLogBatch pending;
    private boolean finished;

    private SensorLogReader(String fileName, ParquetFileReader file, ColumnReaders columns, SensorLogSchema schema, BadRows badRows) {
        this.fileName = fileName;
        this.badRows = badRows;
        this.file = file;
        this.columns = columns;
        this.schema = schema;
        this.rowCount = file.getFileMetaData().numRows();
    }

    /**
     * Opens the file and checks its schema.
     *
     * @throws com.datawow.datalog.failure.UnreadableFileException    if it is not readable Parquet
     * @throws com.datawow.datalog.failure.SchemaMismatchException if a required column is missing or of a wrong type
     * @throws IOException if the file system fails (not the content's fault)
     */
    public static SensorLogReader open(Path path, int batchSize) throws IOException {
        return open(path, batchSize, BadRows.REJECT_FILE);
    }

    /** As {@link #open(Path, int)}; a row that breaks a rule goes to {@code badRows}. */
    public static SensorLogReader open(Path path, int batchSize, BadRows badRows) throws IOException {
        return open(path, batchSize, badRows, SharedDecoding.context());
    }

    static SensorLogReader open(Path path, int batchSize, BadRows badRows, HardwoodContext context) throws IOException {
        if (batchSize < 1) {
            throw new IllegalArgumentException("batch size must be at least 1, was " + batchSize);
        }
        return withCheckedFile(path, context, (file, schema) -> {
            ColumnReaders columns = file.buildColumnReaders(ColumnProjection.columns(SensorLogColumn.columnNames()))
                    .batchSize(batchSize)
                    .build();
            return new SensorLogReader(path.getFileName().toString(), file, columns, schema, badRows);
        }, false);
    }

    /**
     * The file's footer (row count, {@code create_at} range), after the same checks as {@link #open}
     * but without reading any row.
     *
     * @throws com.datawow.datalog.failure.BadInputException as {@link #open}
     * @throws IOException if the file system fails
     */
    public static SensorLogFooter inspect(Path path) throws IOException {
        return withCheckedFile(path, SharedDecoding.context(),
                (file, schema) -> SensorLogFooter.of(file.getFileMetaData(), schema), true);
    }

    private interface CheckedFileUse<T> {
        T apply(ParquetFileReader file, SensorLogSchema schema) throws Exception;
    }

    /** Opens the file, checks its schema and codecs, and hands it over; closes it on failure, or always if asked. */
    private static <T> T withCheckedFile(Path path, HardwoodContext context, CheckedFileUse<T> use, boolean close) throws IOException {
        String fileName = path.getFileName().toString();
        ParquetFileReader file = null;
        try {
            file = context == null ? ParquetFileReader.open(InputFile.of(path))
                    : ParquetFileReader.open(InputFile.of(path), context);
            SensorLogSchema schema = SensorLogSchema.check(file.getFileSchema(), fileName);
            SupportedCodecs.check(file.getFileMetaData(), fileName);
            T result = use.apply(file, schema);
            if (close) {
                closeQuietly(file);
            }
            return result;
        } catch (FileSystemException fileSystem) {
            closeQuietly(file);
            throw fileSystem;
        } catch (Exception failure) {
            closeQuietly(file);
            RuntimeException translated = ReadFailures.translate(fileName, failure);
            if (translated instanceof UncheckedIOException io) {
                throw io.getCause();
            }
            throw translated;
        }
    }

    /** The number of rows the file's footer announces. */
    public long rowCount() {
        return rowCount;
    }

    public String fileName() {
        return fileName;
    }

    @Override
    public boolean hasNext() {
        if (pending == null && !finished) {
            pending = readBatch();
        }
        return pending != null;
    }

    @Override
    public SensorLogBatch next() {
        if (!hasNext()) {
            throw new NoSuchElementException(fileName + ": no more rows");
        }
        SensorLogBatch batch = pending;
        pending = null;
        return batch;
    }

    private SensorLogBatch readBatch() {
        try {
            if (!columns.nextBatch()) {
                close();
                return null;
            }
            int count = columns.getRecordCount();
            SensorLogBatch batch = decodeBatch(count);
            nextRow += count;
            return batch;
        } catch (RuntimeException failure) {
            close();
            throw ReadFailures.translate(fileName, failure);
        }
    }

    private SensorLogBatch decodeBatch(int count) {
        SensorLogBatch batch = new SensorLogBatch(nextRow,
                strings(SensorLogColumn.DEPARTMENT_NAME, count),
                strings(SensorLogColumn.SENSOR_SERIAL, count),
                schema.createAt().toMicros(column(SensorLogColumn.CREATE_AT), count),
                strings(SensorLogColumn.PRODUCT_NAME, count),
                schema.productExpire().toMicros(column(SensorLogColumn.PRODUCT_EXPIRE), count));
        BitSet setAside = RowRules.check(batch, validities(), fileName, badRows);
        return setAside == null ? batch : batch.without(setAside);
    }

    private String[] strings(SensorLogColumn column, int count) {
        String[] values = column(column).getStrings();
        // Hardwood may reuse its arrays for the next batch; the batch must own its values
        String[] copy = new String[count];
        System.arraycopy(values, 0, copy, 0, count);
        return copy;
    }

    private Validity[] validities() {
        SensorLogColumn[] all = SensorLogColumn.values();
        Validity[] validities = new Validity[all.length];
        for (SensorLogColumn column : all) {
            validities[column.ordinal()] = column(column).getLeafValidity();
        }
        return validities;
    }

    private ColumnReader column(SensorLogColumn column) {
        return columns.getColumnReader(column.columnName());
    }

    @Override
    public void close() {
        if (finished) {
            return;
        }
        finished = true;
        pending = null;
        columns.close();
        closeQuietly(file);
    }

    private static void closeQuietly(ParquetFileReader file) {
        if (file != null) {
            try {
                file.close();
            } catch (IOException | RuntimeException ignored) {
                // nothing was written; closing a read-only file cannot lose data
            }
        }
    }
}
