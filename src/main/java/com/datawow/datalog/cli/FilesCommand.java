package com.datawow.datalog.cli;

import com.datawow.datalog.db.Warehouse;
import com.datawow.datalog.ledger.LedgerEntries;
import com.datawow.datalog.ledger.LedgerEntry;
import com.datawow.datalog.ledger.LedgerJson;
import org.apache.camel.util.json.Jsoner;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

import java.io.PrintWriter;
import java.time.Instant;
import java.util.List;
import java.util.Optional;

/** {@code files}: the ingest ledger, one line per file the loader has seen. Read-only. */
@Command(name = "files", mixinStandardHelpOptions = true,
        description = {"Prints the ingest ledger: each file's name, status (loaded, duplicate, replaced, failed, unloaded), "
                + "rows, when (UTC) and error, in the order the files were seen.",
                "Exit code: 0 printed (also when no file matches); 2 could not run."})
final class FilesCommand extends WarehouseCommand {

    @Option(names = "--failed", description = "Only files that failed.")
    boolean failedOnly;

    @Option(names = "--since", paramLabel = "TIME", converter = SinceConverter.class,
            description = "Only files dealt with at or after TIME: \"YYYY-MM-DD HH:MM\" (UTC) or an ISO instant (2026-12-01T10:00:00Z).")
    Instant since;

    @Option(names = "--json", description = "Print a JSON array for machines instead of a table.")
    boolean json;

    @Override
    int callWith(Warehouse warehouse) {
        List<LedgerEntry> entries = new LedgerEntries(warehouse.dataSource()).list(failedOnly, Optional.ofNullable(since));
        PrintWriter out = out();
        if (json) {
            out.println(Jsoner.prettyPrint(LedgerJson.toJson(entries).toJson(), 2));
        } else if (entries.isEmpty()) {
            out.println("No " + (failedOnly ? "failed " : "") + "files in the ledger" + (since != null ? " since " + since : "") + ".");
        } else {
            out.print(LedgerTable.render(entries));
        }
        out.flush();
        return 0;
    }
}
