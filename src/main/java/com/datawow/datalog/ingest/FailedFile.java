package com.datawow.datalog.ingest;

import java.util.Optional;

/**
 * A file in {@code .error/}, with the reason written beside it; empty when the reason file is
 * missing or unreadable (the ledger's 'failed' row still has the kind and message).
 */
public record FailedFile(String name, Optional<RejectionReason> reason) {
}
