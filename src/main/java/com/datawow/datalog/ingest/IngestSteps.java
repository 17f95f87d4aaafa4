package com.datawow.datalog.ingest;

/** The beans the file routes call, one per step of the flow (see {@link IngestRoutes}). */
public record IngestSteps(GroupIntake intake, GroupLoad load, DatalogWrites writes, AfterFailedAttempt afterFailedAttempt,
                          DeadLetter deadLetter, RowQuarantine quarantine) {
}
