package com.datawow.datalog.tools.generate;

import com.datawow.datalog.parquet.SensorLogBatch;
import org.apache.hadoop.conf.Configuration;
import org.apache.parquet.bytes.DirectByteBufferAllocator;
import org.apache.parquet.column.ParquetProperties;
import org.apache.parquet.hadoop.CodecFactory;
import org.apache.parquet.hadoop.ParquetFileWriter;
import org.apache.parquet.hadoop.ParquetWriter;
import org.apache.parquet.hadoop.metadata.CompressionCodecName;
import org.apache.parquet.io.LocalOutputFile;
import org.apache.parquet.io.api.Binary;
import org.apache.parquet.schema.LogicalTypeAnnotation;
import org.apache.parquet.schema.LogicalTypeAnnotation.TimeUnit;
import org.apache.parquet.schema.MessageType;
import org.apache.parquet.schema.PrimitiveType.PrimitiveTypeName;
import org.apache.parquet.schema.Types;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.Map;

/**
 * Writes a sensor-log file the way pandas' {@code to_parquet} (pyarrow) does: the five columns
 * in order, strings as STRING, times as INT64 TIMESTAMP(NANOS) not adjusted to UTC, snappy, one
 * row group, and pyarrow's {@code pandas} metadata entry. parquet-java does the encoding (we
 * use its builder rather than parquet-floor's {@code writeFile}, which fixes v2 data pages and
 * cannot add key-value metadata).
 *
 * <p>The file appears under its name only once complete: it is written to a hidden
 * {@code .NAME.tmp} beside the target (never read by the loader) and renamed atomically.
 */
public final class SensorLogFileWriter {

    /** The schema pyarrow writes for the sample DataFrame (nullable columns, root named "schema"). */
    public static final MessageType SCHEMA = Types.buildMessage()
            .optional(PrimitiveTypeName.BINARY).as(LogicalTypeAnnotation.stringType()).named("department_name")
            .optional(PrimitiveTypeName.BINARY).as(LogicalTypeAnnotation.stringType()).named("sensor_serial")
            .optional(PrimitiveTypeName.INT64).as(naiveNanos()).named("create_at")
            .optional(PrimitiveTypeName.BINARY).as(LogicalTypeAnnotation.stringType()).named("product_name")
            .optional(PrimitiveTypeName.INT64).as(naiveNanos()).named("product_expire")
            .named("schema");

    /** The key pandas reads to rebuild the DataFrame (no index column: {@code index=False}). */
    public static final String PANDAS_METADATA_KEY = "pandas";
    private static final String PANDAS_METADATA = """
            {"index_columns": [], \
            "column_indexes": [{"name": null, "field_name": null, "pandas_type": "unicode", "numpy_type": "object", \
            "metadata": {"encoding": "UTF-8"}}], \
            "columns": [\
            {"name": "department_name", "field_name": "department_name", "pandas_type": "unicode", "numpy_type": "object", "metadata": null}, \
            {"name": "sensor_serial", "field_name": "sensor_serial", "pandas_type": "unicode", "numpy_type": "object", "metadata": null}, \
            {"name": "create_at", "field_name": "create_at", "pandas_type": "datetime", "numpy_type": "datetime64[ns]", "metadata": null}, \
            {"name": "product_name", "field_name": "product_name", "pandas_type": "unicode", "numpy_type": "object", "metadata": null}, \
            {"name": "product_expire", "field_name": "product_expire", "pandas_type": "datetime", "numpy_type": "datetime64[ns]", "metadata": null}], \
            "creator": {"library": "datalog-loader", "version": "1"}, \
            "pandas_version": "2.1.4"}""";

    /** Far above a file's size, so that every file is one row group, as pyarrow writes them. */
    private static final long ROW_GROUP_BYTES = 1L << 30;
    private static final long NANOS_PER_MICRO = 1_000;

    private SensorLogFileWriter() {
    }

    /** Writes {@code rows} to {@code target} (replacing it), atomically. Returns {@code target}. */
    public static Path write(Path target, SensorLogBatch rows) throws IOException {
        Path temporary = target.resolveSibling("." + target.getFileName() + ".tmp");
        try {
            try (ParquetWriter<Integer> writer = new RowWriteSupport(rows).writerBuilder(new LocalOutputFile(temporary))
                    .withWriteMode(ParquetFileWriter.Mode.OVERWRITE)
                    .withCompressionCodec(CompressionCodecName.SNAPPY)
                    .withCodecFactory(snappyWithoutUnsafe())
                    .withWriterVersion(ParquetProperties.WriterVersion.PARQUET_1_0) // pyarrow's default v1 data pages
                    .withRowGroupSize(ROW_GROUP_BYTES)
                    .withDictionaryEncoding(true)
                    .withExtraMetaData(Map.of(PANDAS_METADATA_KEY, PANDAS_METADATA))
                    .build()) {
                for (int row = 0; row < rows.size(); row++) {
                    writer.write(row);
                }
            }
            return Files.move(temporary, target, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
        } catch (IOException | RuntimeException e) {
            Files.deleteIfExists(temporary);
            throw e;
        }
    }

    /**
     * parquet-java's default snappy compressor frees its direct buffers with
     * {@code sun.misc.Unsafe::invokeCleaner}, which JDK 24 and newer report on stderr. Its direct codec
     * factory compresses with the same snappy-java into buffers it reuses, and leaves freeing them to
     * the garbage collector: the same bytes, no warning. The writer releases the factory on close.
     */
    private static CodecFactory snappyWithoutUnsafe() {
        return CodecFactory.createDirectCodecFactory(new Configuration(false), new DirectByteBufferAllocator(),
                ParquetProperties.DEFAULT_PAGE_SIZE);
    }

    private static LogicalTypeAnnotation naiveNanos() {
        return LogicalTypeAnnotation.timestampType(false, TimeUnit.NANOS);
    }

    /** Writes row i of the batch per call (parquet-java counts one call as one row). */
    private static final class RowWriteSupport extends IndexedRowWriteSupport {
        private final SensorLogBatch rows;

        RowWriteSupport(SensorLogBatch rows) {
            super(SCHEMA);
            this.rows = rows;
        }

        @Override
        public void write(Integer boxedRow) {
            int row = boxedRow;
            consumer().startMessage();
            string(0, "department_name", rows.departmentNames()[row]);
            string(1, "sensor_serial", rows.sensorSerials()[row]);
            nanos(2, "create_at", rows.createAt()[row]);
            string(3, "product_name", rows.productNames()[row]);
            nanos(4, "product_expire", rows.productExpire()[row]);
            consumer().endMessage();
        }

        private void string(int index, String field, String value) {
            if (value == null) {
                return; // an optional field left out is a null
            }
            consumer().startField(field, index);
            consumer().addBinary(Binary.fromString(value));
            consumer().endField(field, index);
        }

        private void nanos(int index, String field, long micros) {
            consumer().startField(field, index);
            consumer().addLong(Math.multiplyExact(micros, NANOS_PER_MICRO));
            consumer().endField(field, index);
        }
    }
}
