package com.datawow.datalog.ingest;

import com.datawow.datalog.parquet.ColumnType;
import com.datawow.datalog.parquet.SampleRows;
import com.datawow.datalog.parquet.SensorLogFixture;
import com.datawow.datalog.parquet.SensorLogRow;
import com.datawow.datalog.partition.PartitionMigration;
import com.datawow.datalog.report.ReportQuery;
import com.datawow.datalog.report.WarehouseReport;
import com.datawow.datalog.testing.PostgresExtension;
import com.datawow.datalog.testing.RunningLoader;
import com.datawow.datalog.testing.TestDatabase;
import com.datawow.datalog.testing.WarehouseRows;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.LocalDateTime;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.List;
import java.util.function.UnaryOperator;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Given files of days with and without a partition, when the loader runs, then a new day's
 * backlog becomes its partition (loaded aside, attached with its files' ledger rows), later files
 * of a day load into its partition, rows of a day without a partition wait in the default one
 * until the day is built, and the foreign keys hold on every partition (the report's checks).
 */
@ExtendWith(PostgresExtension.class)
class PartitionedLoadingTest {

    private static final int ROWS = 200;
    private static final DateTimeFormatter FILE_NAME = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm:ss'.parquet'");

    private final TestDatabase database;
    private final SampleRows sample = new SampleRows(11);
    @TempDir
    Path dropDir;

    PartitionedLoadingTest(TestDatabase database) {
        this.database = database;
    }

    @BeforeEach
    void emptyWarehouse() {
        database.execute("DROP TABLE IF EXISTS rejected_row, datalog, ingest_ledger, sensor, department, product CASCADE");
    }

    @Test
    void aNewDaysBacklogIsLoadedAsideAndAttachedAsItsPartition() throws Exception {
        List<String> names = dropMinutes(LocalDateTime.of(2023, 1, 5, 0, 0), 20);

        load();

        assertThat(partitions()).containsExactly("datalog_20230105", "datalog_default");
        assertThat(database.queryLong("SELECT count(*) FROM datalog_20230105")).isEqualTo(20L * ROWS);
        assertThat(database.queryLong("SELECT count(*) FROM datalog_default")).isZero();
        assertThat(loadedFiles()).isEqualTo(names.size());
        assertChecksPass();
    }

    @Test
    void aTimeRangeQueryReadsOnlyTheDaysItCovers() throws Exception {
        dropMinutes(LocalDateTime.of(2023, 1, 5, 23, 58), 4);   // two minutes of each of two days
        load();

        assertThat(partitions()).containsExactly("datalog_20230105", "datalog_20230106", "datalog_default");
        String plan = String.join("\n", database.queryRows(
                "EXPLAIN SELECT count(*) FROM datalog WHERE create_at >= '2023-01-06 00:00' AND create_at < '2023-01-06 12:00'")
                .stream().map(row -> (String) row.get(0)).toList());
        assertThat(plan).contains("datalog_20230106").doesNotContain("datalog_20230105").doesNotContain("datalog_default");
    }

    @Test
    void aDayThatArrivesPartlyBeforeAndPartlyAfterItsPartitionExistsLoadsWhole() throws Exception {
        LocalDateTime day = LocalDateTime.of(2023, 1, 7, 8, 0);
        dropMinutes(day, 10);
        load();
        assertThat(partitions()).containsExactly("datalog_20230107", "datalog_default");

        dropMinutes(day.plusMinutes(10), 10);
        load();

        assertThat(partitions()).as("no second partition for the day").containsExactly("datalog_20230107", "datalog_default");
        assertThat(database.queryLong("SELECT count(*) FROM datalog_20230107")).isEqualTo(20L * ROWS);
        assertThat(loadedFiles()).isEqualTo(20);
        assertChecksPass();
    }

    @Test
    void rowsOfADayWithoutAPartitionWaitInTheDefaultPartitionUntilTheDayIsBuilt() throws Exception {
        LocalDateTime minute = LocalDateTime.of(2023, 1, 9, 6, 0);
        // INT96 timestamps carry no usable statistics: the loader cannot tell the file's day before reading it
        SensorLogFixture.of(sample.minute(minute, ROWS)).timestamps(ColumnType.INT96).writeTo(dropDir, name(minute));
        load();
        assertThat(database.queryLong("SELECT count(*) FROM datalog_default")).isEqualTo(ROWS);
        assertThat(partitions()).containsExactly("datalog_default");

        dropMinutes(minute.plusMinutes(1), 5);
        load();

        assertThat(partitions()).containsExactly("datalog_20230109", "datalog_default");
        assertThat(database.queryLong("SELECT count(*) FROM datalog_default")).as("moved into the new day").isZero();
        assertThat(database.queryLong("SELECT count(*) FROM datalog_20230109")).isEqualTo(6L * ROWS);
        assertChecksPass();
    }

    @Test
    void newContentUnderALoadedNameReplacesItsRowsAcrossThePaths() throws Exception {
        LocalDateTime minute = LocalDateTime.of(2023, 1, 11, 12, 0);
        String name = name(minute);
        SensorLogFixture.of(sample.minute(minute, ROWS)).writeTo(dropDir, name);
        load();                                                    // a new day: loaded aside
        List<SensorLogRow> newContent = new SampleRows(12).minute(minute, ROWS + 7);
        SensorLogFixture.of(newContent).writeTo(dropDir, name);
        load();                                                    // the day has its partition: into datalog

        assertThat(WarehouseRows.ofFile(database, name)).hasSize(ROWS + 7);
        assertThat(database.queryLong("SELECT count(*) FROM datalog")).isEqualTo(ROWS + 7);
        assertThat(database.queryRows("SELECT status FROM ingest_ledger ORDER BY file_id")).extracting(row -> row.get(0))
                .containsExactly("replaced", "loaded");

        LocalDateTime otherDay = minute.plusDays(1);
        SensorLogFixture.of(sample.minute(otherDay, ROWS)).timestamps(ColumnType.INT96).writeTo(dropDir, "moving.parquet");
        load();                                                    // no day known: into datalog, the default partition
        SensorLogFixture.of(sample.minute(otherDay.plusDays(1), ROWS)).writeTo(dropDir, "moving.parquet");
        load();                                                    // a new day: loaded aside, the old rows deleted

        assertThat(WarehouseRows.ofFile(database, "moving.parquet")).hasSize(ROWS)
                .allSatisfy(row -> assertThat(row).contains("2023-01-13"));
        assertThat(database.queryLong("SELECT count(*) FROM datalog_default")).isZero();
        assertChecksPass();
    }

    @Test
    void aBadFileAmongANewDaysFilesGoesAsideAndTheRestOfTheDayIsAttached() throws Exception {
        LocalDateTime day = LocalDateTime.of(2023, 1, 15, 0, 0);
        dropMinutes(day, 8);
        LocalDateTime badMinute = day.plusMinutes(8);
        writeWithRow(badMinute, 17, row -> row.withProductName(null));
        dropMinutes(day.plusMinutes(9), 3);

        load();

        assertThat(RunningLoader.namesIn(dropDir.resolve(DropDirectory.ERROR))).containsExactly(name(badMinute), name(badMinute) + ".error.txt");
        // in the middle of the group: the failure is blamed on this file, with its row
        assertThat(Files.readString(dropDir.resolve(DropDirectory.ERROR).resolve(name(badMinute) + ".error.txt")))
                .contains("file: " + name(badMinute), "row: 17");
        assertThat(partitions()).containsExactly("datalog_20230115", "datalog_default");
        assertThat(database.queryLong("SELECT count(*) FROM datalog_20230115")).isEqualTo(11L * ROWS);
        assertThat(loadedFiles()).isEqualTo(11);
        assertChecksPass();
    }

    @Test
    void aDatalogFromAnEarlierVersionKeepsLoadingIntoThePlainTable() throws Exception {
        loadIntoAnEarlierVersionsDatalog(LocalDateTime.of(2023, 1, 17, 0, 0), 5);

        assertThat(database.queryRows("SELECT relkind::text FROM pg_class WHERE relname = 'datalog'")).containsExactly(List.of("r"));
        assertThat(partitions()).isEmpty();
        assertThat(database.queryLong("SELECT count(*) FROM datalog")).isEqualTo(5L * ROWS);
        assertChecksPass();
    }

    @Test
    void schemaMigrateConvertsADatalogFromAnEarlierVersionIntoDayPartitionsKeepingEveryRowAndId() throws Exception {
        loadIntoAnEarlierVersionsDatalog(LocalDateTime.of(2023, 1, 17, 23, 58), 4);
        String everyRow = "SELECT log_id, create_at, product_id, sensor_id, product_expire, file_id FROM datalog ORDER BY log_id";
        List<List<Object>> before = database.queryRows(everyRow);
        long highestId = database.queryLong("SELECT max(log_id) FROM datalog");

        PartitionMigration.Result result = new PartitionMigration(database.dataSource()).migrate();

        assertThat(result).isEqualTo(new PartitionMigration.Result(true, 2, 4L * ROWS));
        assertThat(partitions()).containsExactly("datalog_20230117", "datalog_20230118", "datalog_default");
        assertThat(database.queryRows(everyRow)).isEqualTo(before);
        assertThat(database.queryLong("SELECT count(*) FROM pg_class WHERE relname LIKE '%unpartitioned%'")).isZero();
        assertThat(new PartitionMigration(database.dataSource()).migrate().converted()).isFalse();
        assertChecksPass();

        // and loading goes on into the partitions, with ids after the earlier ones
        dropMinutes(LocalDateTime.of(2023, 1, 18, 0, 2), 1);
        load();
        assertThat(database.queryLong("SELECT count(*) FROM datalog_20230118")).isEqualTo(3L * ROWS);
        assertThat(database.queryLong("SELECT min(log_id) FROM datalog WHERE create_at >= '2023-01-18 00:02'")).isGreaterThan(highestId);
        assertChecksPass();
    }

    /** The warehouse as an earlier version made it (datalog a plain table), {@code count} minutes from {@code first} loaded. */
    private void loadIntoAnEarlierVersionsDatalog(LocalDateTime first, int count) throws Exception {
        database.execute(EarlierSchema.DDL);
        dropMinutes(first, count);
        load();
    }

    private void load() throws Exception {
        try (RunningLoader loader = RunningLoader.start(database, dropDir)) {
            loader.awaitDrained(Duration.ofMinutes(1));
        }
    }

    private List<String> dropMinutes(LocalDateTime first, int count) {
        List<String> names = new ArrayList<>();
        for (int i = 0; i < count; i++) {
            LocalDateTime minute = first.plusMinutes(i);
            SensorLogFixture.of(sample.minute(minute, ROWS)).writeTo(dropDir, name(minute));
            names.add(name(minute));
        }
        return names;
    }

    private void writeWithRow(LocalDateTime minute, int rowNumber, UnaryOperator<SensorLogRow> change) {
        List<SensorLogRow> rows = new ArrayList<>(sample.minute(minute, ROWS));
        rows.set(rowNumber - 1, change.apply(rows.get(rowNumber - 1)));
        SensorLogFixture.of(rows).writeTo(dropDir, name(minute));
    }

    private static String name(LocalDateTime minute) {
        return FILE_NAME.format(minute);
    }

    private List<String> partitions() {
        return database.queryRows("SELECT inhrelid::regclass::text FROM pg_inherits WHERE inhparent = to_regclass('datalog') ORDER BY 1")
                .stream().map(row -> (String) row.get(0)).toList();
    }

    private long loadedFiles() {
        return database.queryLong("SELECT count(*) FROM ingest_ledger WHERE status = 'loaded'");
    }

    private void assertChecksPass() {
        WarehouseReport report = new ReportQuery(database.dataSource()).run();
        assertThat(report.checks()).allSatisfy(check -> assertThat(check.violations()).as(check.check().description()).isZero());
    }

    /** The warehouse as the first version created it: datalog a plain table. */
    static final class EarlierSchema {
        static final String DDL = """
                CREATE TABLE department (department_id integer GENERATED BY DEFAULT AS IDENTITY PRIMARY KEY, department_name text NOT NULL UNIQUE);
                CREATE TABLE sensor (sensor_id integer GENERATED BY DEFAULT AS IDENTITY PRIMARY KEY, sensor_serial text NOT NULL UNIQUE,
                    department_id integer NOT NULL REFERENCES department (department_id));
                CREATE TABLE product (product_id integer GENERATED BY DEFAULT AS IDENTITY PRIMARY KEY, product_name text NOT NULL UNIQUE);
                CREATE TABLE datalog (log_id bigint GENERATED BY DEFAULT AS IDENTITY PRIMARY KEY, create_at timestamp NOT NULL,
                    product_id integer NOT NULL REFERENCES product (product_id), sensor_id integer NOT NULL REFERENCES sensor (sensor_id),
                    product_expire timestamp NOT NULL, file_id integer NOT NULL);
                CREATE INDEX datalog_file_id_brin ON datalog USING brin (file_id);
                """;

        private EarlierSchema() {
        }
    }
}
