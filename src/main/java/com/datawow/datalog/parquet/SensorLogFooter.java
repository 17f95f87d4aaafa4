package com.datawow.datalog.parquet;

import dev.hardwood.metadata.ColumnChunk;
import dev.hardwood.metadata.FileMetaData;
import dev.hardwood.metadata.RowGroup;
import dev.hardwood.metadata.Statistics;

import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.util.Optional;

/**
 * What a sensor-log file's footer says before any row is read: how many rows it has and, where
 * every row group carries min/max statistics for {@code create_at}, the range of its timestamps.
 * Statistics are a writer's claim, not a checked fact: whoever relies on the range checks the rows
 * against it as they are loaded.
 */
public record SensorLogFooter(long rowCount, Optional<CreateAtRange> createAt) {

    static SensorLogFooter of(FileMetaData metaData, SensorLogSchema schema) {
        return new SensorLogFooter(metaData.numRows(), createAtRange(metaData, schema.createAt()));
    }

    private static Optional<CreateAtRange> createAtRange(FileMetaData metaData, TimestampEncoding encoding) {
        if (!encoding.hasOrderedStatistics()) {
            return Optional.empty();
        }
        long min = Long.MAX_VALUE;
        long max = Long.MIN_VALUE;
        for (RowGroup rowGroup : metaData.rowGroups()) {
            if (rowGroup.numRows() == 0) {
                continue;
            }
            Optional<Statistics> statistics = createAtStatistics(rowGroup);
            if (statistics.isEmpty()) {
                return Optional.empty();
            }
            min = Math.min(min, encoding.micros(int64(statistics.get().minValue())));
            max = Math.max(max, encoding.micros(int64(statistics.get().maxValue())));
        }
        return min <= max ? Optional.of(new CreateAtRange(min, max)) : Optional.empty();
    }

    private static Optional<Statistics> createAtStatistics(RowGroup rowGroup) {
        for (ColumnChunk chunk : rowGroup.columns()) {
            if (chunk.metaData().pathInSchema().toString().equals(SensorLogColumn.CREATE_AT.columnName())) {
                Statistics statistics = chunk.metaData().statistics();
                boolean usable = statistics != null && statistics.minValue() != null && statistics.maxValue() != null
                        && statistics.minValue().length == Long.BYTES && statistics.maxValue().length == Long.BYTES;
                return usable ? Optional.of(statistics) : Optional.empty();
            }
        }
        return Optional.empty();
    }

    private static long int64(byte[] littleEndian) {
        return ByteBuffer.wrap(littleEndian).order(ByteOrder.LITTLE_ENDIAN).getLong();
    }
}
