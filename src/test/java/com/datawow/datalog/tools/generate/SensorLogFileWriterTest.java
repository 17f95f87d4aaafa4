package com.datawow.datalog.tools.generate;

import com.datawow.datalog.parquet.SensorLogFiles;
import org.apache.parquet.hadoop.metadata.BlockMetaData;
import org.apache.parquet.hadoop.metadata.ColumnChunkMetaData;
import org.apache.parquet.hadoop.metadata.CompressionCodecName;
import org.apache.parquet.hadoop.metadata.ParquetMetadata;
import org.apache.parquet.schema.LogicalTypeAnnotation;
import org.apache.parquet.schema.LogicalTypeAnnotation.TimeUnit;
import org.apache.parquet.schema.LogicalTypeAnnotation.TimestampLogicalTypeAnnotation;
import org.apache.parquet.schema.MessageType;
import org.apache.parquet.schema.PrimitiveType;
import org.apache.parquet.schema.PrimitiveType.PrimitiveTypeName;
import org.apache.parquet.schema.Type;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;

/** Files as pandas' to_parquet writes them, read back with parquet-java's footer reader and Hardwood. */
class SensorLogFileWriterTest {

    private static final List<String> COLUMNS =
            List.of("department_name", "sensor_serial", "create_at", "product_name", "product_expire");

    @TempDir
    static Path directory;
    private static SampleMinute minute;
    private static Path file;

    @BeforeAll
    static void writeFirstMinute() throws IOException {
        minute = SampleGenerator.over(MinuteRange.month()).next();
        file = SensorLogFileWriter.write(directory.resolve(minute.fileName()), minute.toBatch());
    }

    @Test
    void fileIsNamedLikePandasNamesItAndNoTemporaryFileRemains() throws IOException {
        assertThat(file.getFileName()).hasToString("2023-01-01 00:00:00.parquet");
        try (Stream<Path> files = Files.list(directory)) {
            assertThat(files.map(path -> path.getFileName().toString())).containsExactly("2023-01-01 00:00:00.parquet");
        }
    }

    @Test
    void schemaHasThePandasColumnsTypesAndLogicalTypes() throws IOException {
        MessageType schema = footer().getFileMetaData().getSchema();
        assertThat(schema.getFields()).extracting(Type::getName).containsExactlyElementsOf(COLUMNS);
        for (String column : List.of("department_name", "sensor_serial", "product_name")) {
            PrimitiveType type = schema.getType(column).asPrimitiveType();
            assertThat(type.getPrimitiveTypeName()).isEqualTo(PrimitiveTypeName.BINARY);
            assertThat(type.getLogicalTypeAnnotation()).isEqualTo(LogicalTypeAnnotation.stringType());
        }
        for (String column : List.of("create_at", "product_expire")) {
            PrimitiveType type = schema.getType(column).asPrimitiveType();
            assertThat(type.getPrimitiveTypeName()).isEqualTo(PrimitiveTypeName.INT64);
            TimestampLogicalTypeAnnotation timestamp = (TimestampLogicalTypeAnnotation) type.getLogicalTypeAnnotation();
            assertThat(timestamp.getUnit()).isEqualTo(TimeUnit.NANOS);
            assertThat(timestamp.isAdjustedToUTC()).isFalse();
        }
    }

    @Test
    void oneSnappyRowGroupOf1914Rows() throws IOException {
        List<BlockMetaData> rowGroups = footer().getBlocks();
        assertThat(rowGroups).hasSize(1);
        assertThat(rowGroups.getFirst().getRowCount()).isEqualTo(1914);
        assertThat(rowGroups.getFirst().getColumns()).extracting(ColumnChunkMetaData::getCodec)
                .containsOnly(CompressionCodecName.SNAPPY);
    }

    @Test
    void carriesPyarrowsPandasMetadata() throws IOException {
        String pandas = footer().getFileMetaData().getKeyValueMetaData().get("pandas");
        assertThat(pandas).contains("\"index_columns\": []", "\"pandas_version\":",
                "{\"name\": \"create_at\", \"field_name\": \"create_at\", \"pandas_type\": \"datetime\", \"numpy_type\": \"datetime64[ns]\"",
                "{\"name\": \"department_name\", \"field_name\": \"department_name\", \"pandas_type\": \"unicode\", \"numpy_type\": \"object\"");
        assertThat(pandas.indexOf("department_name")).isLessThan(pandas.indexOf("sensor_serial"));
        assertThat(pandas.indexOf("product_name")).isLessThan(pandas.indexOf("product_expire"));
    }

    @Test
    void valuesReadBackWithHardwoodEqualTheGeneratedRows() throws IOException {
        assertThat(SensorLogFiles.rows(file)).containsExactlyElementsOf(minute.rows());
    }

    @Test
    void rewritingReplacesTheFileWhole(@TempDir Path elsewhere) throws IOException {
        SampleMinute later = SampleGenerator.over(MinuteRange.starting(minute.createAt().plusMinutes(1), 1)).next();
        Path target = elsewhere.resolve("rewritten.parquet");
        SensorLogFileWriter.write(target, minute.toBatch());
        SensorLogFileWriter.write(target, later.toBatch());
        assertThat(SensorLogFiles.rows(target)).containsExactlyElementsOf(later.rows());
        try (Stream<Path> files = Files.list(elsewhere)) {
            assertThat(files).containsExactly(target);
        }
    }

    private static ParquetMetadata footer() throws IOException {
        return SensorLogFiles.footer(file);
    }
}
