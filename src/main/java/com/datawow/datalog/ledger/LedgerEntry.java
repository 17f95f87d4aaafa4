package com.datawow.datalog.ledger;

import java.time.Duration;
import java.time.Instant;
import java.util.Optional;

/**
 * One row of the ingest ledger as people read it: a file, what became of it, its rows and when.
 * {@code status} is the ledger's own word (loaded, duplicate, replaced, failed, unloaded, ...);
 * {@code rows} is what the file brought (kept after an unload, so the ledger still says how many
 * rows were taken back); {@code rowsRejected} the rows of it quarantine mode set aside.
 */
public record LedgerEntry(int fileId, String name, String status, long rows, long rowsRejected, Instant startedAt,
                          Optional<Instant> finishedAt, Optional<String> error, Optional<Instant> unloadedAt) {

    /** When the file was last dealt with: finished, else started. */
    public Instant when() {
        return finishedAt.orElse(startedAt);
    }

    /** How long the load took (its transaction, from claim to the ledger's last update); empty while unfinished. */
    public Optional<Duration> duration() {
        return finishedAt.map(finished -> Duration.between(startedAt, finished));
    }
}
