package com.datawow.datalog.report;

import com.datawow.datalog.db.Schema;
import com.datawow.datalog.testing.TestDatabase;

import javax.sql.DataSource;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.time.LocalDateTime;

/** Hand-inserted warehouse rows for report tests, with explicit ids so tests can point at them. */
final class WarehouseContents {

    static final LocalDateTime FIRST_MINUTE = LocalDateTime.parse("2023-01-01T00:00:00");
    static final LocalDateTime SECOND_MINUTE = LocalDateTime.parse("2023-01-01T00:01:00");
    static final Instant LAST_LOAD = Instant.parse("2024-06-01T12:00:05Z");

    private final TestDatabase database;

    private WarehouseContents(TestDatabase database) {
        this.database = database;
    }

    /** An empty warehouse: the schema freshly applied, whatever an earlier test left. */
    static WarehouseContents emptyWarehouse(TestDatabase database) throws SQLException {
        database.execute("DROP TABLE IF EXISTS rejected_row, datalog, sensor, department, product, ingest_ledger CASCADE");
        Schema.apply(database.dataSource());
        return new WarehouseContents(database);
    }

    /**
     * A consistent warehouse: 2 departments, 3 sensors, 2 products; two loaded files of 3 and 2
     * rows (minutes 00:00 and 00:01), one duplicate and one failed file.
     */
    static WarehouseContents consistentWarehouse(TestDatabase database) throws SQLException {
        WarehouseContents contents = emptyWarehouse(database);
        contents.execute("INSERT INTO department (department_id, department_name) VALUES (1, 'dep-a'), (2, 'dep-b')");
        contents.execute("INSERT INTO sensor (sensor_id, sensor_serial, department_id) VALUES (1, 's1', 1), (2, 's2', 1), (3, 's3', 2)");
        contents.execute("INSERT INTO product (product_id, product_name) VALUES (1, 'p1'), (2, 'p2')");
        contents.ledgerRow(1, "2023-01-01 00:00:00.parquet", "c1", 3, "loaded", LAST_LOAD.minusSeconds(60));
        contents.ledgerRow(2, "2023-01-01 00:01:00.parquet", "c2", 2, "loaded", LAST_LOAD);
        contents.ledgerRow(3, "copy of 2023-01-01 00:00:00.parquet", "c1", 0, "duplicate", LAST_LOAD.plusSeconds(1));
        contents.ledgerRow(4, "broken.parquet", "c3", 0, "failed", LAST_LOAD.plusSeconds(2));
        contents.datalogRow(1, 1, 1, FIRST_MINUTE);
        contents.datalogRow(1, 2, 2, FIRST_MINUTE);
        contents.datalogRow(1, 3, 1, FIRST_MINUTE);
        contents.datalogRow(2, 1, 2, SECOND_MINUTE);
        contents.datalogRow(2, 3, 2, SECOND_MINUTE);
        return contents;
    }

    WarehouseContents ledgerRow(int fileId, String name, String checksum, long rows, String status, Instant finishedAt)
            throws SQLException {
        try (Connection connection = dataSource().getConnection();
             PreparedStatement insert = connection.prepareStatement(
                     "INSERT INTO ingest_ledger (file_id, file_name, file_size, checksum, row_count, status, finished_at)"
                             + " VALUES (?, ?, 1000, ?, ?, ?, ?)")) {
            insert.setInt(1, fileId);
            insert.setString(2, name);
            insert.setString(3, checksum);
            insert.setLong(4, rows);
            insert.setString(5, status);
            insert.setTimestamp(6, Timestamp.from(finishedAt));
            insert.executeUpdate();
        }
        return this;
    }

    WarehouseContents datalogRow(int fileId, int sensorId, int productId, LocalDateTime createAt) throws SQLException {
        try (Connection connection = dataSource().getConnection();
             PreparedStatement insert = connection.prepareStatement(
                     "INSERT INTO datalog (create_at, product_id, sensor_id, product_expire, file_id) VALUES (?, ?, ?, ?, ?)")) {
            insert.setObject(1, createAt);
            insert.setInt(2, productId);
            insert.setInt(3, sensorId);
            insert.setObject(4, createAt.plusDays(88));
            insert.setInt(5, fileId);
            insert.executeUpdate();
        }
        return this;
    }

    /** A row of the file that quarantine set aside (the ledger's count is left as it is). */
    WarehouseContents rejectedRow(int fileId, long rowNumber) {
        return execute("INSERT INTO rejected_row (file_id, row_number, rule, reason, sensor_serial)"
                + " VALUES (" + fileId + ", " + rowNumber + ", 'null-value', 'department_name is null', 's1')");
    }

    WarehouseContents execute(String sql) {
        database.execute(sql);
        return this;
    }

    private DataSource dataSource() {
        return database.dataSource();
    }
}
