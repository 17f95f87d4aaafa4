package com.datawow.datalog.parquet;

import com.datawow.datalog.failure.SchemaMismatchException;
import dev.hardwood.metadata.LogicalType;
import dev.hardwood.metadata.PhysicalType;
import dev.hardwood.metadata.RepetitionType;
import dev.hardwood.schema.FileSchema;
import dev.hardwood.schema.SchemaNode;

import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

/**
 * The checked layout of a sensor-log file: every required column is present at the top level,
 * holds one value per row (required or optional, not repeated), and has a type we can read:
 * <ul>
 *   <li>text: {@code BYTE_ARRAY} annotated STRING (UTF8), or not annotated at all (older
 *       writers such as Impala store strings that way; the bytes are read as UTF-8);</li>
 *   <li>timestamps: {@code INT64} annotated TIMESTAMP in MILLIS, MICROS or NANOS, UTC-adjusted
 *       or not (including the legacy TIMESTAMP_MILLIS/MICROS converted types), or {@code INT96}.</li>
 * </ul>
 */
record SensorLogSchema(TimestampEncoding createAt, TimestampEncoding productExpire) {

    static SensorLogSchema check(FileSchema schema, String fileName) {
        Map<SensorLogColumn, TimestampEncoding> timestamps = new EnumMap<>(SensorLogColumn.class);
        List<SchemaNode> fields = schema.getRootNode().children();
        for (SensorLogColumn column : SensorLogColumn.values()) {
            SchemaNode.PrimitiveNode node = singleValued(fields, column, fileName);
            switch (column.kind()) {
                case TEXT -> checkText(node, column, fileName);
                case TIMESTAMP -> timestamps.put(column, timestampEncoding(node, column, fileName));
            }
        }
        return new SensorLogSchema(timestamps.get(SensorLogColumn.CREATE_AT),
                timestamps.get(SensorLogColumn.PRODUCT_EXPIRE));
    }

    private static SchemaNode.PrimitiveNode singleValued(List<SchemaNode> fields, SensorLogColumn column,
                                                         String fileName) {
        SchemaNode field = fields.stream()
                .filter(f -> f.name().equals(column.columnName()))
                .findFirst()
                .orElseThrow(() -> new SchemaMismatchException(fileName, column.columnName(),
                        "is missing (the file has: " + names(fields) + ")"));
        if (!(field instanceof SchemaNode.PrimitiveNode node)) {
            throw new SchemaMismatchException(fileName, column.columnName(),
                    "is a nested group, expected " + expected(column));
        }
        if (node.repetitionType() == RepetitionType.REPEATED) {
            throw new SchemaMismatchException(fileName, column.columnName(),
                    "is repeated (a list of values per row), expected " + expected(column));
        }
        return node;
    }

    private static void checkText(SchemaNode.PrimitiveNode node, SensorLogColumn column, String fileName) {
        boolean text = node.type() == PhysicalType.BYTE_ARRAY
                && (node.logicalType() == null || node.logicalType() instanceof LogicalType.StringType);
        if (!text) {
            throw mismatch(node, column, fileName);
        }
    }

    private static TimestampEncoding timestampEncoding(SchemaNode.PrimitiveNode node, SensorLogColumn column,
                                                       String fileName) {
        if (node.type() == PhysicalType.INT96 && node.logicalType() == null) {
            return TimestampEncoding.INT96;
        }
        if (node.type() == PhysicalType.INT64 && node.logicalType() instanceof LogicalType.TimestampType timestamp) {
            return switch (timestamp.unit()) {
                case MILLIS -> TimestampEncoding.INT64_MILLIS;
                case MICROS -> TimestampEncoding.INT64_MICROS;
                case NANOS -> TimestampEncoding.INT64_NANOS;
            };
        }
        throw mismatch(node, column, fileName);
    }

    private static SchemaMismatchException mismatch(SchemaNode.PrimitiveNode node, SensorLogColumn column,
                                                    String fileName) {
        return new SchemaMismatchException(fileName, column.columnName(),
                "has type " + describe(node) + ", expected " + expected(column));
    }

    private static String expected(SensorLogColumn column) {
        return switch (column.kind()) {
            case TEXT -> "BYTE_ARRAY (STRING)";
            case TIMESTAMP -> "a timestamp: INT64 TIMESTAMP(MILLIS, MICROS or NANOS) or INT96";
        };
    }

    private static String describe(SchemaNode.PrimitiveNode node) {
        return node.logicalType() == null ? node.type().name() : node.type() + " (" + node.logicalType() + ")";
    }

    private static String names(List<SchemaNode> fields) {
        return fields.stream().map(SchemaNode::name).collect(Collectors.joining(", "));
    }
}
