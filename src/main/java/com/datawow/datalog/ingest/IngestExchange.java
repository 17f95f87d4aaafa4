package com.datawow.datalog.ingest;

import org.apache.camel.Exchange;

/** The exchange properties the ingest routes share, and typed access to them. */
final class IngestExchange {

    /** The {@link FileGroup} in flight (the split's exchanges share it). */
    static final String GROUP = "datalogGroup";
    /** The {@link GroupFile} being loaded. */
    static final String FILE = "datalogFile";
    /** The table the current attempt writes into (a name made by {@link com.datawow.datalog.partition.DatalogTable}). */
    static final String TARGET_TABLE = "datalogTargetTable";
    /** Quarantine mode: the file row the batch being written was read from (its identity within the file). */
    static final String BATCH_FIRST_ROW = "datalogBatchFirstRow";

    private IngestExchange() {
    }

    static FileGroup group(Exchange exchange) {
        return exchange.getProperty(GROUP, FileGroup.class);
    }

    static GroupFile file(Exchange exchange) {
        return exchange.getProperty(FILE, GroupFile.class);
    }
}
