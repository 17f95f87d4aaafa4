package com.datawow.datalog.report;

import com.datawow.datalog.testing.PostgresExtension;
import com.datawow.datalog.testing.TestDatabase;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

import java.sql.SQLException;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Stream;

import static com.datawow.datalog.report.IntegrityCheck.DATALOG_FROM_LOADED_FILE;
import static com.datawow.datalog.report.IntegrityCheck.DATALOG_HAS_PRODUCT;
import static com.datawow.datalog.report.IntegrityCheck.DATALOG_HAS_SENSOR;
import static com.datawow.datalog.report.IntegrityCheck.FOREIGN_KEYS_ENFORCED;
import static com.datawow.datalog.report.IntegrityCheck.LEDGER_REJECTED_COUNT_MATCHES;
import static com.datawow.datalog.report.IntegrityCheck.LEDGER_ROW_COUNT_MATCHES;
import static com.datawow.datalog.report.IntegrityCheck.REJECTED_ROW_FROM_LOADED_FILE;
import static com.datawow.datalog.report.IntegrityCheck.SENSOR_HAS_DEPARTMENT;
import static com.datawow.datalog.report.WarehouseContents.FIRST_MINUTE;
import static com.datawow.datalog.report.WarehouseContents.LAST_LOAD;
import static com.datawow.datalog.report.WarehouseContents.consistentWarehouse;
import static com.datawow.datalog.report.WarehouseContents.SECOND_MINUTE;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.junit.jupiter.params.provider.Arguments.arguments;

@ExtendWith(PostgresExtension.class)
class ReportQueryTest {

    /** How a test's warehouse is made: empty, consistent, or consistent but for something it is made to hold. */
    @FunctionalInterface
    interface Warehouse {
        void makeIn(TestDatabase database) throws SQLException;
    }

    static Stream<Arguments> consistentWarehouses() {
        return Stream.of(
                arguments("an empty warehouse has no rows, no loads",
                        (Warehouse) WarehouseContents::emptyWarehouse,
                        List.of(0L, 0L, 0L, 0L),
                        new LedgerSummary(0, 0, 0, 0, 0, 0, 0, Optional.empty()),
                        new CreateAtRange(Optional.empty(), Optional.empty())),
                // the last load is the latest *loaded* file, not the later duplicate or failure
                arguments("a consistent warehouse is counted",
                        (Warehouse) WarehouseContents::consistentWarehouse,
                        List.of(2L, 3L, 2L, 5L),
                        new LedgerSummary(2, 1, 0, 1, 0, 5, 0, Optional.of(LAST_LOAD)),
                        new CreateAtRange(Optional.of(FIRST_MINUTE), Optional.of(SECOND_MINUTE))));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("consistentWarehouses")
    void aConsistentWarehouseIsCountedAndPassesEveryCheck(String situation, Warehouse warehouse, List<Long> departmentsSensorsProductsDatalog,
                                                          LedgerSummary ledger, CreateAtRange createAt, TestDatabase database) throws SQLException {
        warehouse.makeIn(database);

        WarehouseReport report = new ReportQuery(database.dataSource()).run();

        assertThat(report.rowsPerTable()).containsExactly(
                Map.entry("department", departmentsSensorsProductsDatalog.get(0)), Map.entry("sensor", departmentsSensorsProductsDatalog.get(1)),
                Map.entry("product", departmentsSensorsProductsDatalog.get(2)), Map.entry("datalog", departmentsSensorsProductsDatalog.get(3)));
        assertThat(report.ledger()).isEqualTo(ledger);
        assertThat(report.createAt()).isEqualTo(createAt);
        assertThat(report.checks()).extracting(CheckResult::check).containsExactly(IntegrityCheck.values());
        assertThat(report.failedChecks()).isEmpty();
        assertThat(report.allChecksPassed()).isTrue();
    }

    @Test
    void anUnloadedFileIsCountedApartAndPassesOnlyOnceItsRowsAreGone(TestDatabase database) throws SQLException {
        WarehouseContents contents = WarehouseContents.consistentWarehouse(database)
                .execute("UPDATE ingest_ledger SET status = 'unloaded', unloaded_at = now() WHERE file_id = 2");

        WarehouseReport rowsLeft = new ReportQuery(database.dataSource()).run();
        contents.execute("DELETE FROM datalog WHERE file_id = 2");
        WarehouseReport rowsGone = new ReportQuery(database.dataSource()).run();

        assertThat(rowsLeft.failedChecks()).containsExactly(new CheckResult(DATALOG_FROM_LOADED_FILE, 2));
        assertThat(rowsGone.failedChecks()).isEmpty();
        assertThat(rowsGone.ledger()).isEqualTo(new LedgerSummary(1, 1, 0, 1, 1, 3, 0, Optional.of(LAST_LOAD.minusSeconds(60))));
    }

    @Test
    void rowsSetAsideByQuarantineAreCountedForTheLoadedFiles(TestDatabase database) throws SQLException {
        WarehouseContents.consistentWarehouse(database)
                .execute("UPDATE ingest_ledger SET rejected_row_count = 2 WHERE file_id = 1")
                .rejectedRow(1, 4)
                .rejectedRow(1, 7);

        WarehouseReport report = new ReportQuery(database.dataSource()).run();

        assertThat(report.ledger().rowsRejected()).isEqualTo(2);
        assertThat(report.failedChecks()).isEmpty();
    }

    static Stream<Arguments> inconsistencies() {
        return Stream.of(
                arguments("a datalog row from a file not in the ledger fails the lineage check",
                        (Warehouse) database -> consistentWarehouse(database).datalogRow(99, 1, 1, SECOND_MINUTE),
                        List.of(new CheckResult(DATALOG_FROM_LOADED_FILE, 1))),
                arguments("rows of a file that is in the ledger but not loaded fail the lineage check",
                        (Warehouse) database -> consistentWarehouse(database)
                                .datalogRow(3, 1, 1, FIRST_MINUTE)     // file 3 is a duplicate
                                .datalogRow(4, 1, 1, FIRST_MINUTE),    // file 4 failed
                        List.of(new CheckResult(DATALOG_FROM_LOADED_FILE, 2))),
                arguments("a loaded file whose ledger row count differs from its rows fails the row count check",
                        (Warehouse) database -> consistentWarehouse(database)
                                .execute("UPDATE ingest_ledger SET row_count = 4 WHERE file_id = 1")
                                .ledgerRow(5, "2023-01-01 00:02:00.parquet", "c5", 7, "loaded", LAST_LOAD), // no rows at all
                        List.of(new CheckResult(LEDGER_ROW_COUNT_MATCHES, 2))),
                arguments("a rejected row of a file that is not loaded fails its lineage check",
                        (Warehouse) database -> consistentWarehouse(database)
                                .rejectedRow(3, 1)     // file 3 is a duplicate
                                .rejectedRow(4, 1)     // file 4 failed
                                .execute("ALTER TABLE rejected_row DROP CONSTRAINT rejected_row_file_id_fkey")
                                .rejectedRow(99, 1),   // file 99 is in no ledger row at all
                        List.of(new CheckResult(REJECTED_ROW_FROM_LOADED_FILE, 3))),
                arguments("a loaded file whose ledger rejected count differs from its rejected rows fails the count check",
                        (Warehouse) database -> consistentWarehouse(database)
                                .rejectedRow(1, 5)                                                         // the ledger says none
                                .execute("UPDATE ingest_ledger SET rejected_row_count = 3 WHERE file_id = 2"),   // it has none
                        List.of(new CheckResult(LEDGER_REJECTED_COUNT_MATCHES, 2))),
                arguments("orphan dimension ids are found even when the foreign keys are gone",
                        (Warehouse) database -> consistentWarehouse(database)
                                .execute("ALTER TABLE sensor DROP CONSTRAINT sensor_department_id_fkey")
                                .execute("ALTER TABLE datalog DROP CONSTRAINT datalog_sensor_id_fkey")
                                .execute("ALTER TABLE datalog DROP CONSTRAINT datalog_product_id_fkey")
                                .execute("INSERT INTO sensor (sensor_id, sensor_serial, department_id) VALUES (9, 's9', 99)")
                                .execute("UPDATE ingest_ledger SET row_count = 5 WHERE file_id = 2")
                                .datalogRow(2, 77, 1, SECOND_MINUTE)
                                .datalogRow(2, 78, 88, SECOND_MINUTE)
                                .datalogRow(2, 1, 88, SECOND_MINUTE),
                        List.of(new CheckResult(SENSOR_HAS_DEPARTMENT, 1),
                                new CheckResult(DATALOG_HAS_SENSOR, 2),
                                new CheckResult(DATALOG_HAS_PRODUCT, 2),
                                new CheckResult(FOREIGN_KEYS_ENFORCED, 2))));   // datalog and its default partition lost both keys
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("inconsistencies")
    void anInconsistencyFailsExactlyTheChecksItBreaks(String situation, Warehouse inconsistent, List<CheckResult> failed,
                                                      TestDatabase database) throws SQLException {
        inconsistent.makeIn(database);

        WarehouseReport report = new ReportQuery(database.dataSource()).run();

        assertThat(report.failedChecks()).as(situation).containsExactlyElementsOf(failed);
        assertThat(report.allChecksPassed()).isFalse();
    }

    @Test
    void aDatabaseWithoutTheSchemaCannotBeReportedAndSaysHowToFixIt(TestDatabase database) throws SQLException {
        WarehouseContents.emptyWarehouse(database)
                .execute("DROP TABLE rejected_row, datalog, sensor, department, product, ingest_ledger");

        assertThatThrownBy(() -> new ReportQuery(database.dataSource()).run())
                .isInstanceOf(ReportQueryException.class)
                .hasMessageContaining("does not exist")
                .hasMessageContaining("`schema` command");
    }
}
