package com.datawow.datalog.ingest;

/** Names of the exchange properties the ingest routes share. */
public final class IngestExchange {

    /** The {@link FileLoad} of the file in flight. */
    public static final String FILE_LOAD = "datalogFileLoad";
    /** Where the file consumer moves the file on completion, relative to the drop directory. */
    public static final String DESTINATION = "datalogDestination";

    public static final String DONE_DIR = ".done";

    private IngestExchange() {
    }
}
