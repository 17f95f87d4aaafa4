package com.datawow.datalog.report;

import org.apache.camel.util.json.JsonArray;
import org.apache.camel.util.json.JsonObject;
import org.apache.camel.util.json.Jsoner;

import java.time.LocalDateTime;
import java.time.format.DateTimeFormatter;
import java.util.Optional;

/**
 * The report as JSON for machines (Camel's own small JSON library, already on the classpath with
 * camel-support). Absent values (an empty table's create_at range, no load yet) are {@code null};
 * timestamps are ISO-8601: {@code create_at} as stored (no zone, always with seconds),
 * {@code last_load} in UTC.
 */
public final class JsonReport {

    private JsonReport() {
    }

    public static String render(WarehouseReport report) {
        return Jsoner.prettyPrint(toJson(report).toJson(), 2);
    }

    /** The report as a JSON object, for callers that embed it (an HTTP endpoint, say). */
    public static JsonObject toJson(WarehouseReport report) {
        JsonObject tables = new JsonObject();
        report.rowsPerTable().forEach(tables::put);

        LedgerSummary ledger = report.ledger();
        JsonObject ledgerJson = new JsonObject();
        ledgerJson.put("files_loaded", ledger.filesLoaded());
        ledgerJson.put("duplicates", ledger.duplicates());
        ledgerJson.put("replaced", ledger.replaced());
        ledgerJson.put("failed", ledger.failed());
        ledgerJson.put("unloaded", ledger.unloaded());
        ledgerJson.put("rows_loaded", ledger.rowsLoaded());
        ledgerJson.put("rows_rejected", ledger.rowsRejected());
        ledgerJson.put("last_load", ledger.lastLoad().map(Object::toString).orElse(null));

        JsonObject createAt = new JsonObject();
        createAt.put("min", iso(report.createAt().min()));
        createAt.put("max", iso(report.createAt().max()));

        JsonArray checks = new JsonArray();
        for (CheckResult result : report.checks()) {
            JsonObject check = new JsonObject();
            check.put("name", result.check().id());
            check.put("description", result.check().description());
            check.put("passed", result.passed());
            check.put("violations", result.violations());
            check.put("unit", result.check().unit());
            checks.add(check);
        }

        JsonObject json = new JsonObject();
        json.put("tables", tables);
        json.put("ledger", ledgerJson);
        json.put("create_at", createAt);
        json.put("checks", checks);
        json.put("all_checks_passed", report.allChecksPassed());
        return json;
    }

    private static String iso(Optional<LocalDateTime> time) {
        return time.map(DateTimeFormatter.ISO_LOCAL_DATE_TIME::format).orElse(null);
    }
}
