package com.datawow.datalog.db;

import com.datawow.datalog.testing.PostgresExtension;
import com.datawow.datalog.testing.TestDatabase;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

import java.sql.SQLException;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

@ExtendWith(PostgresExtension.class)
class SchemaTest {

    @Test
    void appliesTwiceOnARealPostgresAndCreatesTheTablesWithDatalogPartitionedByDay(TestDatabase database) throws SQLException {
        Schema.apply(database.dataSource());
        Schema.apply(database.dataSource());

        List<List<Object>> tables = database.queryRows(
                "SELECT table_name FROM information_schema.tables WHERE table_schema = 'public' ORDER BY table_name");
        assertThat(tables).extracting(row -> row.get(0))
                .containsExactly("datalog", "datalog_default", "department", "ingest_ledger", "product", "rejected_row", "sensor");
        assertThat(database.queryRows("SELECT pg_get_partkeydef('datalog'::regclass)")).containsExactly(List.of("RANGE (create_at)"));
        assertThat(database.queryRows("SELECT pg_get_constraintdef(oid) FROM pg_constraint WHERE conname = 'datalog_pkey'"))
                .containsExactly(List.of("PRIMARY KEY (log_id, create_at)"));
    }

    @Test
    void keepsTheOriginalKeysAndForeignKeys(TestDatabase database) throws SQLException {
        Schema.apply(database.dataSource());

        database.execute("INSERT INTO department(department_name) VALUES ('d')");
        assertThatThrownBy(() -> database.execute("INSERT INTO department(department_name) VALUES ('d')"))
                .hasMessageContaining("department_department_name_key");
        assertThatThrownBy(() -> database.execute("INSERT INTO sensor(sensor_serial, department_id) VALUES ('s', 999)"))
                .hasMessageContaining("foreign key");
        assertThatThrownBy(() -> database.execute(
                "INSERT INTO datalog(create_at, product_id, sensor_id, product_expire, file_id) VALUES (now(), 999, 999, now(), 1)"))
                .hasMessageContaining("foreign key");
        assertThatThrownBy(() -> database.execute("INSERT INTO product(product_name) VALUES (NULL)"))
                .hasMessageContaining("null value");
    }

    @Test
    void aDatabaseFromBeforeQuarantineGetsTheRejectedRowTableAndTheLedgersRejectedCount(TestDatabase database) throws SQLException {
        Schema.apply(database.dataSource());
        database.execute("DROP TABLE rejected_row");
        database.execute("ALTER TABLE ingest_ledger DROP COLUMN rejected_row_count");
        database.execute("INSERT INTO ingest_ledger(file_name, file_size, checksum, status, row_count) VALUES ('old.parquet', 1, 'c-old', 'loaded', 5)");

        Schema.apply(database.dataSource());

        assertThat(database.queryRows("SELECT row_count, rejected_row_count FROM ingest_ledger WHERE checksum = 'c-old'")).containsExactly(List.of(5L, 0L));
        database.execute("INSERT INTO rejected_row(file_id, row_number, rule, reason) SELECT file_id, 3, 'null-value', 'x' FROM ingest_ledger WHERE checksum = 'c-old'");
        assertThatThrownBy(() -> database.execute("INSERT INTO rejected_row(file_id, row_number, rule, reason) VALUES (99, 1, 'null-value', 'x')"))
                .hasMessageContaining("rejected_row_file_id_fkey");
    }

    @Test
    void allowsOneLoadedLedgerRowPerContent(TestDatabase database) throws SQLException {
        Schema.apply(database.dataSource());
        database.execute("INSERT INTO ingest_ledger(file_name, file_size, checksum, status) VALUES ('a', 1, 'c1', 'loaded')");
        database.execute("INSERT INTO ingest_ledger(file_name, file_size, checksum, status) VALUES ('b', 1, 'c1', 'duplicate')");

        assertThatThrownBy(() -> database.execute(
                "INSERT INTO ingest_ledger(file_name, file_size, checksum, status) VALUES ('c', 1, 'c1', 'loaded')"))
                .hasMessageContaining("ingest_ledger_loaded_checksum");
    }
}
