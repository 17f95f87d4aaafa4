package com.datawow.datalog.report;

import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

/** The report as an aligned plain-text table for a terminal. */
public final class TextReport {

    private static final DateTimeFormatter CREATE_AT = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm:ss");
    private static final DateTimeFormatter LAST_LOAD = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm:ss 'UTC'")
            .withZone(ZoneOffset.UTC);
    private static final String NONE = "-";

    private TextReport() {
    }

    public static String render(WarehouseReport report) {
        StringBuilder out = new StringBuilder();
        keyValues(out, "Rows per table", rowsPerTable(report.rowsPerTable()));
        keyValues(out, "Ingest ledger", ledger(report.ledger()));
        keyValues(out, "create_at range", List.of(
                row("min", time(report.createAt().min())),
                row("max", time(report.createAt().max()))));
        checks(out, report.checks());
        out.append(verdict(report)).append('\n');
        return out.toString();
    }

    private static List<String[]> rowsPerTable(Map<String, Long> rows) {
        List<String[]> lines = new ArrayList<>();
        rows.forEach((table, count) -> lines.add(row(table, number(count))));
        return lines;
    }

    private static List<String[]> ledger(LedgerSummary ledger) {
        return List.of(
                row("files loaded", number(ledger.filesLoaded())),
                row("duplicates", number(ledger.duplicates())),
                row("replaced", number(ledger.replaced())),
                row("failed", number(ledger.failed())),
                row("unloaded", number(ledger.unloaded())),
                row("rows loaded", number(ledger.rowsLoaded())),
                row("rows rejected", number(ledger.rowsRejected())),
                row("last load", ledger.lastLoad().map(LAST_LOAD::format).orElse(NONE)));
    }

    private static void checks(StringBuilder out, List<CheckResult> checks) {
        List<String[]> lines = new ArrayList<>();
        lines.add(row("", "check", "violations", "", "holds when"));
        for (CheckResult result : checks) {
            lines.add(row(result.passed() ? "PASS" : "FAIL", result.check().id(), number(result.violations()),
                    result.check().unit(), result.check().description()));
        }
        out.append("Integrity checks\n");
        table(out, lines, 2);
        out.append('\n');
    }

    private static String verdict(WarehouseReport report) {
        List<CheckResult> failed = report.failedChecks();
        if (failed.isEmpty()) {
            return "All " + report.checks().size() + " integrity checks passed.";
        }
        return failed.size() + " of " + report.checks().size() + " integrity checks FAILED: "
                + String.join(", ", failed.stream().map(result -> result.check().id()).toList());
    }

    private static void keyValues(StringBuilder out, String title, List<String[]> lines) {
        out.append(title).append('\n');
        table(out, lines, -1);
        out.append('\n');
    }

    /**
     * Writes rows indented, each column padded to its widest cell. Numbers are right-aligned so
     * their digits line up: within the column's widest number, or across the whole column for
     * {@code numberColumn} (whose header is wider than its numbers); -1 for none.
     */
    private static void table(StringBuilder out, List<String[]> lines, int numberColumn) {
        int columns = lines.stream().mapToInt(line -> line.length).max().orElse(0);
        int[] widths = new int[columns];
        int[] numberWidths = new int[columns];
        for (String[] line : lines) {
            for (int i = 0; i < line.length; i++) {
                widths[i] = Math.max(widths[i], line[i].length());
                if (isNumber(line[i])) {
                    numberWidths[i] = Math.max(numberWidths[i], line[i].length());
                }
            }
        }
        for (String[] line : lines) {
            StringBuilder text = new StringBuilder("  ");
            for (int i = 0; i < line.length; i++) {
                String cell = line[i];
                if (i == numberColumn) {
                    cell = padLeft(cell, widths[i]);
                } else if (isNumber(cell)) {
                    cell = padLeft(cell, numberWidths[i]);
                }
                text.append(cell).append(" ".repeat(widths[i] - cell.length())).append("  ");
            }
            out.append(text.toString().stripTrailing()).append('\n');
        }
    }

    private static boolean isNumber(String cell) {
        return !cell.isEmpty() && cell.chars().allMatch(c -> Character.isDigit(c) || c == ',');
    }

    private static String padLeft(String cell, int width) {
        return " ".repeat(width - cell.length()) + cell;
    }

    private static String[] row(String... cells) {
        return cells;
    }

    private static String number(long value) {
        return String.format(Locale.ROOT, "%,d", value);
    }

    private static String time(Optional<LocalDateTime> time) {
        return time.map(CREATE_AT::format).orElse(NONE);
    }
}
