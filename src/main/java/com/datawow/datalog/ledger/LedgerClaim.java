package com.datawow.datalog.ledger;

import java.util.List;

/** What the ledger decided for a file at the start of its transaction. */
public sealed interface LedgerClaim {

    /** New content: load it as {@code fileId}; {@code replacedFileIds} are earlier loads of the same name, now superseded. */
    record Load(int fileId, List<Integer> replacedFileIds) implements LedgerClaim {
        public boolean replaces() {
            return !replacedFileIds.isEmpty();
        }
    }

    /** This content is loaded already (as {@code originalFileId}, named {@code originalName}): nothing to load. */
    record Duplicate(int originalFileId, String originalName) implements LedgerClaim {
    }
}
