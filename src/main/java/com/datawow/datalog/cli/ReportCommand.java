package com.datawow.datalog.cli;

import com.datawow.datalog.db.Warehouse;
import com.datawow.datalog.report.JsonReport;
import com.datawow.datalog.report.ReportQuery;
import com.datawow.datalog.report.TextReport;
import com.datawow.datalog.report.WarehouseReport;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;


/** {@code report}: what is in the warehouse, and whether it is consistent. Read-only. */
@Command(name = "report", mixinStandardHelpOptions = true,
        description = {"Prints rows per table, the ingest ledger summary, the create_at range and the integrity checks.",
                "Exit code: 0 all checks passed; 1 an integrity check failed; 2 the report could not run."})
final class ReportCommand extends WarehouseCommand {

    /** Exit code when the report ran and an integrity check failed. */
    static final int EXIT_CHECK_FAILED = 1;

    @Option(names = "--json", description = "Print JSON for machines instead of a table.")
    boolean json;

    @Override
    int callWith(Warehouse warehouse) {
        WarehouseReport report = new ReportQuery(warehouse.dataSource()).run();
        out().print(json ? JsonReport.render(report) + System.lineSeparator() : TextReport.render(report));
        out().flush();
        return report.allChecksPassed() ? 0 : EXIT_CHECK_FAILED;
    }
}
