package com.datawow.datalog.ledger;

import org.apache.camel.util.json.JsonArray;
import org.apache.camel.util.json.JsonObject;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;

/**
 * Ledger entries as JSON for machines ({@code files --json}, the console's endpoint): snake_case
 * keys, timestamps ISO-8601 in UTC, absent values {@code null}.
 */
public final class LedgerJson {

    private LedgerJson() {
    }

    public static JsonArray toJson(List<LedgerEntry> entries) {
        JsonArray array = new JsonArray();
        entries.forEach(entry -> array.add(toJson(entry)));
        return array;
    }

    public static JsonObject toJson(LedgerEntry entry) {
        JsonObject json = new JsonObject();
        json.put("file_id", entry.fileId());
        json.put("name", entry.name());
        json.put("status", entry.status());
        json.put("rows", entry.rows());
        json.put("rows_rejected", entry.rowsRejected());
        json.put("started_at", entry.startedAt().toString());
        json.put("finished_at", iso(entry.finishedAt()));
        json.put("duration_ms", entry.duration().map(Duration::toMillis).orElse(null));
        json.put("unloaded_at", iso(entry.unloadedAt()));
        json.put("error", entry.error().orElse(null));
        return json;
    }

    private static String iso(Optional<Instant> instant) {
        return instant.map(Instant::toString).orElse(null);
    }
}
