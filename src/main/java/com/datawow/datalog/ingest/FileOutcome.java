package com.datawow.datalog.ingest;

/** What became of one dropped file. */
public enum FileOutcome {
    LOADED, REPLACED, DUPLICATE, FAILED
}
