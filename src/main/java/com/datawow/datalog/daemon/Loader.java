package com.datawow.datalog.daemon;

import com.datawow.datalog.config.Settings;
import com.datawow.datalog.db.DatabaseSettings;
import com.datawow.datalog.db.Warehouse;
import com.datawow.datalog.ingest.IngestSettings;
import com.datawow.datalog.ops.OperationsSettings;

import java.time.Clock;
import java.util.Map;

/**
 * The loader as {@code run} and {@code demo} start it: the warehouse's pool (over the embedded
 * server when none is configured) and the daemon over it. Closing it stops both.
 */
public record Loader(Warehouse warehouse, IngestDaemon daemon) implements AutoCloseable {

    /** From the layered settings (option > env > file). */
    public static Loader open(Settings settings, OperationsSettings operations) {
        return open(DatabaseSettings.from(settings), IngestSettings.from(settings), IngestDaemon.camelProperties(settings), operations,
                Clock.systemUTC());
    }

    /** With the pool sized to what the ingest settings need. */
    public static Loader open(DatabaseSettings database, IngestSettings ingest, Map<String, String> camelProperties,
                              OperationsSettings operations, Clock clock) {
        Warehouse warehouse = Warehouse.open(database.withMinimumPoolSize(ingest.connectionsNeeded()));
        try {
            return new Loader(warehouse, IngestDaemon.create(ingest, warehouse.dataSource(), camelProperties, clock, operations));
        } catch (RuntimeException | Error e) {
            warehouse.close();
            throw e;
        }
    }

    @Override
    public void close() {
        try {
            daemon.close();
        } finally {
            warehouse.close();
        }
    }
}
