package com.datawow.datalog.failure;

/** The three ways a file can fail, each with its own outcome. */
public enum FailureKind {
    /** The file is wrong: move it to .error/ with the reason at once. */
    BAD_INPUT,
    /** The database is down or busy: keep the file, retry with back-off, forever. */
    TRANSIENT,
    /** Anything else (a bug, say): retry a few times, then put the file aside with the reason. */
    UNEXPECTED
}
