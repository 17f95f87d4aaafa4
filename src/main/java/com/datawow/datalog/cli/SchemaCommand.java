package com.datawow.datalog.cli;

import com.datawow.datalog.db.Schema;
import com.datawow.datalog.db.Warehouse;
import com.datawow.datalog.partition.PartitionMigration;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;


/** {@code schema}: applies the bundled DDL; safe to run any number of times. */
@Command(name = "schema", mixinStandardHelpOptions = true,
        description = {"Applies init-script/create_table.sql (bundled in the jar) to the database. Idempotent.",
                "With --migrate, then converts a datalog made by an earlier version (a plain table) into day partitions."})
final class SchemaCommand extends WarehouseCommand {

    @Option(names = "--migrate", description = "Convert a plain datalog into day partitions, in one transaction (stop the loaders first).")
    boolean migrate;

    @Override
    int callWith(Warehouse warehouse) throws Exception {
        Schema.apply(warehouse.dataSource());
        out().println("Schema applied to " + warehouse.settings().jdbcUrl().orElseThrow());
        if (migrate) {
            long started = System.nanoTime();
            PartitionMigration.Result result = new PartitionMigration(warehouse.dataSource()).migrate();
            out().println(result.converted()
                    ? String.format("datalog converted to day partitions: %,d days, %,d rows, in %.1f s",
                            result.days(), result.rows(), (System.nanoTime() - started) / 1e9)
                    : "datalog is partitioned by day already: nothing to convert");
        }
        return 0;
    }
}
