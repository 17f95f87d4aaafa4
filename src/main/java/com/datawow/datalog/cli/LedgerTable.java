package com.datawow.datalog.cli;

import com.datawow.datalog.ledger.LedgerEntry;

import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/** Ledger entries as an aligned plain-text table: name, status, rows, when (UTC), error. */
final class LedgerTable {

    private static final DateTimeFormatter WHEN = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm:ss").withZone(ZoneOffset.UTC);
    private static final String[] HEADER = {"name", "status", "rows", "set aside", "when (UTC)", "error"};
    private static final int ROWS_COLUMN = 2;

    private LedgerTable() {
    }

    static String render(List<LedgerEntry> entries) {
        List<String[]> lines = new ArrayList<>();
        lines.add(HEADER);
        for (LedgerEntry entry : entries) {
            lines.add(new String[]{entry.name(), entry.status(), String.format(Locale.ROOT, "%,d", entry.rows()),
                    String.format(Locale.ROOT, "%,d", entry.rowsRejected()),
                    WHEN.format(entry.when()), entry.error().map(LedgerTable::oneLine).orElse("")});
        }
        int[] widths = new int[HEADER.length];
        for (String[] line : lines) {
            for (int i = 0; i < line.length; i++) {
                widths[i] = Math.max(widths[i], line[i].length());
            }
        }
        StringBuilder out = new StringBuilder();
        for (String[] line : lines) {
            StringBuilder text = new StringBuilder();
            for (int i = 0; i < line.length; i++) {
                String cell = line[i];
                String padding = " ".repeat(widths[i] - cell.length());
                // numbers line up on their last digit; the last column is not padded
                text.append(i == ROWS_COLUMN || i == ROWS_COLUMN + 1 ? padding + cell : i == line.length - 1 ? cell : cell + padding).append("  ");
            }
            out.append(text.toString().stripTrailing()).append('\n');
        }
        return out.toString();
    }

    /** A database's multi-line message on one line, so each file stays one line of the table. */
    private static String oneLine(String text) {
        return text.replaceAll("\\s*\\R\\s*", " ");
    }
}
