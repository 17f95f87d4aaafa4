package com.datawow.datalog.report;

import java.time.Instant;
import java.util.Optional;

/**
 * What the ingest ledger says: files per outcome, the rows of the loaded files, the rows of theirs
 * that quarantine mode set aside (in rejected_row), and when the last file was loaded (empty when
 * none was). Unloaded files' rows were taken back: they count in {@code unloaded}, not in {@code rowsLoaded}.
 */
public record LedgerSummary(long filesLoaded, long duplicates, long replaced, long failed, long unloaded,
                            long rowsLoaded, long rowsRejected, Optional<Instant> lastLoad) {
}
