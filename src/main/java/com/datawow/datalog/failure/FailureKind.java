package com.datawow.datalog.failure;

/** The ways an attempt at loading can fail, each with its own outcome. */
public enum FailureKind {
    /** A file is wrong: it goes to .error/ with the reason, at once. */
    BAD_INPUT,
    /** The database is away (unreachable, restarting, out of connections): keep the files, back off, retry for as long as it takes. */
    OUTAGE,
    /** Another loader got there first, or the plan met a fact it did not expect: a new attempt resolves it, at once. */
    CONFLICT,
    /** Anything else (a bug, say): retried a few times while the database answers, then the file is put aside with the reason. */
    UNEXPECTED
}
