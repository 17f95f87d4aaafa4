package com.datawow.datalog.cli;

import com.datawow.datalog.db.DatabaseSettings;
import com.datawow.datalog.db.Warehouse;
import picocli.CommandLine.Mixin;

/** A command that does one thing over the warehouse: it is opened from the database options and closed after. */
abstract class WarehouseCommand extends CliCommand {

    @Mixin
    DatabaseOptions database;

    @Override
    public final Integer call() throws Exception {
        try (Warehouse warehouse = Warehouse.open(DatabaseSettings.from(database.settings()))) {
            return callWith(warehouse);
        }
    }

    /** The command's work; returns its exit code. */
    abstract int callWith(Warehouse warehouse) throws Exception;
}
