package com.datawow.datalog.testing;

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

    private WarehouseRows() {
    }

    /** The rows loaded from the file of that name, in file order, as "department|serial|create_at|product|expire". */
    public static List<String> ofFile(TestDatabase database, String fileName) {
        return database.queryRows(ROWS_OF_FILE, fileName).stream()
                .map(row -> row.stream().map(String::valueOf).collect(Collectors.joining("|")))
                .toList();
    }
}
