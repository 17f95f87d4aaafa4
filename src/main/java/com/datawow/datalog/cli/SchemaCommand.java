package com.datawow.datalog.cli;

import com.datawow.datalog.db.DatabaseSettings;
import com.datawow.datalog.db.Schema;
import com.datawow.datalog.db.Warehouse;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Spec;
import picocli.CommandLine.Model.CommandSpec;

import java.util.concurrent.Callable;

/** {@code schema}: applies the bundled DDL; safe to run any number of times. */
@Command(name = "schema", mixinStandardHelpOptions = true,
        description = "Applies init-script/create_table.sql (bundled in the jar) to the database. Idempotent.")
final class SchemaCommand implements Callable<Integer> {

    @Mixin
    DatabaseOptions database;

    @Spec
    CommandSpec spec;

    @Override
    public Integer call() throws Exception {
        try (Warehouse warehouse = Warehouse.open(DatabaseSettings.from(database.settings()))) {
            Schema.apply(warehouse.dataSource());
            spec.commandLine().getOut().println("Schema applied to " + warehouse.settings().jdbcUrl().orElseThrow());
        }
        return 0;
    }
}
