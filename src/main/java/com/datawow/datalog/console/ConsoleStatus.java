package com.datawow.datalog.console;

import com.datawow.datalog.db.DatabaseProbe;
import com.datawow.datalog.ingest.DropDirectory;
import com.datawow.datalog.ingest.FailedFile;
import com.datawow.datalog.ingest.FailedFiles;
import com.datawow.datalog.ingest.IngestStatistics;
import com.datawow.datalog.ingest.RejectionReason;
import com.datawow.datalog.ledger.LedgerEntries;
import com.datawow.datalog.ledger.LedgerJson;
import com.datawow.datalog.ops.ProgressSample;
import org.apache.camel.util.json.JsonArray;
import org.apache.camel.util.json.JsonObject;
import org.springframework.dao.DataAccessException;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;

/**
 * What the console shows, read at one moment, as the JSON of {@code GET /api/status} (the page
 * and scripts read the same): the file route's state, the daemon's totals, the rate and ETA of
 * the last minute, the throughput of the last hour, the last files from the ledger and the
 * failed files with their reasons. Each part is read where it lives; while the database does not
 * answer, the ledger's part is {@code null} and the rest still shows.
 */
final class ConsoleStatus {

    static final int RECENT_FILES = 25;
    static final int FAILED_FILES = 100;

    private final IngestStatistics statistics;
    private final DropDirectory dropDirectory;
    private final FileRouteControl route;
    private final DatabaseProbe database;
    private final ThroughputHistory history;
    private final LedgerEntries ledger;
    private final FailedFiles failedFiles;
    private final ConsoleAccess access;
    private final Clock clock;

    ConsoleStatus(IngestStatistics statistics, DropDirectory dropDirectory, FileRouteControl route, DatabaseProbe database,
                  ThroughputHistory history, LedgerEntries ledger, FailedFiles failedFiles, ConsoleAccess access, Clock clock) {
        this.statistics = statistics;
        this.dropDirectory = dropDirectory;
        this.route = route;
        this.database = database;
        this.history = history;
        this.ledger = ledger;
        this.failedFiles = failedFiles;
        this.access = access;
        this.clock = clock;
    }

    /** The route's id and state, also the answer to suspend and resume. */
    JsonObject route() {
        JsonObject json = new JsonObject();
        json.put("id", FileRouteControl.ROUTE_ID);
        json.put("state", route.state());
        return json;
    }

    JsonObject now() {
        Instant now = clock.instant();
        IngestStatistics.Snapshot totals = statistics.snapshot();
        long waiting = dropDirectory.waitingFiles();
        ProgressSample recent = history.recent(now, totals, waiting);
        boolean reachable = database.answers();

        JsonObject json = new JsonObject();
        json.put("at", now.toString());
        json.put("running_since", now.minus(totals.elapsed()).toString());
        json.put("route", route());
        json.put("database_reachable", reachable);
        json.put("files", files(totals, waiting));
        json.put("rows_loaded", totals.rows());
        json.put("rows_per_second", recent.rowsPerSecond());
        json.put("files_per_minute", recent.filesPerSecond() * 60);
        json.put("eta_seconds", recent.eta().map(Duration::toSeconds).orElse(null));
        json.put("last_success", totals.lastSuccess().map(Instant::toString).orElse(null));
        json.put("last_file", totals.lastFile().orElse(null));
        json.put("throughput", throughput());
        json.put("recent_files", reachable ? recentFiles() : null);
        json.put("failed_files", failedFiles());
        json.put("actions_need_credentials", access.asksForCredentials());
        return json;
    }

    private static JsonObject files(IngestStatistics.Snapshot totals, long waiting) {
        JsonObject json = new JsonObject();
        json.put("done", totals.files());
        json.put("loaded", totals.loaded());
        json.put("replaced", totals.replaced());
        json.put("duplicates", totals.duplicates());
        json.put("failed", totals.failed());
        json.put("waiting", waiting);
        return json;
    }

    private JsonObject throughput() {
        JsonArray points = new JsonArray();
        for (ThroughputHistory.Point point : history.points()) {
            JsonObject json = new JsonObject();
            json.put("at", point.at().toString());
            json.put("rows_per_second", point.rowsPerSecond());
            json.put("files_per_minute", point.filesPerMinute());
            points.add(json);
        }
        JsonObject json = new JsonObject();
        json.put("interval_seconds", ThroughputHistory.INTERVAL.toSeconds());
        json.put("points", points);
        return json;
    }

    private JsonArray recentFiles() {
        try {
            return LedgerJson.toJson(ledger.recent(RECENT_FILES));
        } catch (DataAccessException e) {
            return null; // gone since the probe: shown as unreachable by the next poll
        }
    }

    private JsonObject failedFiles() {
        List<FailedFile> all = failedFiles.list();
        JsonArray files = new JsonArray();
        for (FailedFile file : all.subList(0, Math.min(all.size(), FAILED_FILES))) {
            JsonObject json = new JsonObject();
            json.put("name", file.name());
            RejectionReason reason = file.reason().orElse(null);
            json.put("kind", reason == null ? null : reason.kind());
            json.put("row", reason == null || reason.row().isEmpty() ? null : reason.row().getAsLong());
            json.put("message", reason == null ? null : reason.message());
            json.put("rejected_at", reason == null ? null : reason.rejectedAt().toString());
            files.add(json);
        }
        JsonObject json = new JsonObject();
        json.put("total", all.size());
        json.put("files", files);
        return json;
    }
}
