package com.datawow.datalog.cli;

import com.datawow.datalog.db.Warehouse;
import com.datawow.datalog.ledger.FileUnload;
import picocli.CommandLine.Command;
import picocli.CommandLine.Parameters;

import java.util.Locale;
import java.util.Optional;

/** {@code unload}: takes back the rows one loaded file brought, in one transaction. */
@Command(name = "unload", mixinStandardHelpOptions = true,
        description = {"Deletes the datalog rows that the loaded file NAME brought (its file_id lineage) and marks its ledger row "
                + "'unloaded', in one transaction. The file can then be dropped again and is loaded anew; `report` stays consistent. "
                + "The drop directory is not touched.",
                "Exit code: 0 unloaded; 1 no loaded file has that name (nothing changed); 2 could not run."})
final class UnloadCommand extends WarehouseCommand {

    @Parameters(paramLabel = "NAME", description = "The file's name as the ledger has it, e.g. \"2023-01-01 00:05:00.parquet\" (`files` lists them).")
    String name;

    @Override
    int callWith(Warehouse warehouse) {
        Optional<FileUnload.UnloadedFile> unloaded = new FileUnload(warehouse.dataSource()).unload(name);
        if (unloaded.isEmpty()) {
            err().println("No loaded file named '" + name + "' in the ledger (`files` lists them): nothing changed");
            err().flush();
            return DatalogLoader.EXIT_NOT_FOUND;
        }
        out().printf(Locale.ROOT, "Unloaded '%s' (ledger file %d): %,d rows removed%n",
                name, unloaded.get().fileId(), unloaded.get().rowsRemoved());
        out().flush();
        return 0;
    }
}
