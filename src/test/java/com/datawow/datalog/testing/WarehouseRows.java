package com.datawow.datalog.testing;

import com.datawow.datalog.parquet.SensorLogRow;

import java.time.format.DateTimeFormatter;
import java.util.List;
import java.util.stream.Collectors;

/** The datalog rows of the warehouse joined back to names, as text, for comparing with file contents. */
public final class WarehouseRows {

    private static final String ROWS_OF_FILE = """
            SELECT d.department_name, s.sensor_serial, l.create_at, p.product_name, l.product_expire
            FROM datalog l
            JOIN ingest_ledger f USING (file_id)
            JOIN sensor s USING (sensor_id) JOIN department d USING (department_id) JOIN product p USING (product_id)
            WHERE f.file_name = ? AND f.status = 'loaded'
            ORDER BY l.log_id""";

    /** As PostgreSQL's JDBC driver prints a timestamp through {@link #ofFile}. */
    private static final DateTimeFormatter TIMESTAMP = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm:ss.S");

    private WarehouseRows() {
    }

    /** Rows of a file as {@link #ofFile} gives them back once loaded. */
    public static List<String> asText(List<SensorLogRow> rows) {
        return rows.stream().map(row -> String.join("|", row.departmentName(), row.sensorSerial(), TIMESTAMP.format(row.createAt()),
                row.productName(), TIMESTAMP.format(row.productExpire()))).toList();
    }

    /** The rows loaded from the file of that name, in file order, as "department|serial|create_at|product|expire". */
    public static List<String> ofFile(TestDatabase database, String fileName) {
        return database.queryRows(ROWS_OF_FILE, fileName).stream()
                .map(row -> row.stream().map(String::valueOf).collect(Collectors.joining("|")))
                .toList();
    }
}
