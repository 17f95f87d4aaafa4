package com.datawow.datalog.cli;

import com.datawow.datalog.db.DatabaseSettings;
import com.datawow.datalog.db.Warehouse;
import com.datawow.datalog.report.JsonReport;
import com.datawow.datalog.report.ReportQuery;
import com.datawow.datalog.report.TextReport;
import com.datawow.datalog.report.WarehouseReport;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

import java.util.concurrent.Callable;

/** {@code report}: what is in the warehouse, and whether it is consistent. Read-only. */
@Command(name = "report", mixinStandardHelpOptions = true,
        description = {"Prints rows per table, the ingest ledger summary, the create_at range and the integrity checks.",
                "Exit code: 0 all checks passed; 1 an integrity check failed; 2 the report could not run."})
final class ReportCommand implements Callable<Integer> {

    /** Exit code when the report ran and an integrity check failed. */
    static final int EXIT_CHECK_FAILED = 1;

    @Mixin
    DatabaseOptions database;

    @Option(names = "--json", description = "Print JSON for machines instead of a table.")
    boolean json;

    @Spec
    CommandSpec spec;

    @Override
    public Integer call() {
        WarehouseReport report;
        try (Warehouse warehouse = Warehouse.open(DatabaseSettings.from(database.settings()))) {
            report = new ReportQuery(warehouse.dataSource()).run();
        }
        spec.commandLine().getOut().print(json ? JsonReport.render(report) + System.lineSeparator() : TextReport.render(report));
        spec.commandLine().getOut().flush();
        return report.allChecksPassed() ? 0 : EXIT_CHECK_FAILED;
    }
}
