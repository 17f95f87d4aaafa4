package com.datawow.datalog.report;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * What is in the warehouse, read in one consistent snapshot: rows per table (in the order of
 * {@link ReportQuery#TABLES}), the ledger summary, the create_at range and the integrity checks.
 * Built by {@link ReportQuery}; rendered by {@link TextReport} and {@link JsonReport}.
 */
public record WarehouseReport(Map<String, Long> rowsPerTable, LedgerSummary ledger, CreateAtRange createAt,
                              List<CheckResult> checks) {

    public WarehouseReport {
        rowsPerTable = Collections.unmodifiableMap(new LinkedHashMap<>(rowsPerTable));
        checks = List.copyOf(checks);
    }

    public boolean allChecksPassed() {
        return checks.stream().allMatch(CheckResult::passed);
    }

    public List<CheckResult> failedChecks() {
        return checks.stream().filter(check -> !check.passed()).toList();
    }
}
