package com.datawow.datalog.parquet;

import com.datawow.datalog.failure.UnreadableFileException;
import dev.hardwood.metadata.ColumnChunk;
import dev.hardwood.metadata.CompressionCodec;
import dev.hardwood.metadata.FileMetaData;
import dev.hardwood.metadata.RowGroup;

import java.util.EnumSet;
import java.util.Set;

/**
 * The compression codecs the loader reads: the ones whose libraries ship with it. Checked from the
 * footer when the file is opened, so that an unsupported codec is reported before any row, in
 * plain words, rather than as a page that fails to decode halfway through the file.
 */
final class SupportedCodecs {

    private static final Set<CompressionCodec> SUPPORTED = EnumSet.of(
            CompressionCodec.UNCOMPRESSED, CompressionCodec.SNAPPY, CompressionCodec.GZIP, CompressionCodec.ZSTD);

    private SupportedCodecs() {
    }

    static void check(FileMetaData metaData, String fileName) {
        for (RowGroup rowGroup : metaData.rowGroups()) {
            for (ColumnChunk chunk : rowGroup.columns()) {
                CompressionCodec codec = chunk.metaData().codec();
                if (!SUPPORTED.contains(codec) && isRequired(chunk)) {
                    throw new UnreadableFileException(fileName, "column " + chunk.metaData().pathInSchema()
                            + " is compressed with " + codec + "; the loader reads UNCOMPRESSED, SNAPPY, GZIP and ZSTD",
                            null);
                }
            }
        }
    }

    /** Extra columns are never decoded, so their codec does not matter. */
    private static boolean isRequired(ColumnChunk chunk) {
        String name = chunk.metaData().pathInSchema().toString();
        for (SensorLogColumn column : SensorLogColumn.values()) {
            if (column.columnName().equals(name)) {
                return true;
            }
        }
        return false;
    }
}
