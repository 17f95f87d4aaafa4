package com.datawow.datalog.cli;

import javax.sql.DataSource;
import java.io.PrintWriter;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.Locale;

/**
 * Rows per table and the ledger by status, for the demo's closing screen.
 * TODO(lead): replace with the {@code report} command's output once that branch is merged.
 */
final class WarehouseSummary {

    private WarehouseSummary() {
    }

    static void print(DataSource dataSource, PrintWriter out) throws SQLException {
        try (Connection connection = dataSource.getConnection(); Statement statement = connection.createStatement()) {
            out.println("Rows per table:");
            try (ResultSet counts = statement.executeQuery("""
                    SELECT (SELECT count(*) FROM department), (SELECT count(*) FROM sensor),
                           (SELECT count(*) FROM product), (SELECT count(*) FROM datalog)""")) {
                counts.next();
                String[] tables = {"department", "sensor", "product", "datalog"};
                for (int i = 0; i < tables.length; i++) {
                    out.printf(Locale.ROOT, "  %-12s %,12d%n", tables[i], counts.getLong(i + 1));
                }
            }
            out.println("Ledger (files by status):");
            try (ResultSet ledger = statement.executeQuery("""
                    SELECT status, count(*), coalesce(sum(row_count), 0), max(finished_at)
                    FROM ingest_ledger GROUP BY status ORDER BY status""")) {
                boolean any = false;
                while (ledger.next()) {
                    any = true;
                    out.printf(Locale.ROOT, "  %-12s %,6d files %,12d rows   last %s%n",
                            ledger.getString(1), ledger.getLong(2), ledger.getLong(3), ledger.getObject(4));
                }
                if (!any) {
                    out.println("  (no files yet)");
                }
            }
        }
        out.flush();
    }
}
