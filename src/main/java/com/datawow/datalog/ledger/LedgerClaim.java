package com.datawow.datalog.ledger;

/** What the ledger decided for a file at the start of its group's attempt. */
public sealed interface LedgerClaim {

    /** New content: load it as {@code fileId}; {@code replaces} when a file of the same name was loaded before (its rows go). */
    record Load(int fileId, boolean replaces) implements LedgerClaim {
    }

    /**
     * This content is loaded already (as {@code originalFileId}, named {@code originalName}, maybe earlier
     * in the same group): nothing to load; {@code fileId} is its own ledger row's.
     */
    record Duplicate(int fileId, int originalFileId, String originalName) implements LedgerClaim {
    }

    int fileId();
}
