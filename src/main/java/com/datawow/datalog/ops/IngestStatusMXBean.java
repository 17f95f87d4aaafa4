package com.datawow.datalog.ops;

/**
 * The loader's totals in JMX ({@code com.datawow.datalog:type=IngestStatistics,context=datalog-loader}),
 * beside Camel's route MBeans: what jconsole shows in one place.
 */
public interface IngestStatusMXBean {

    long getFilesLoaded();

    long getFilesReplaced();

    long getFilesDuplicate();

    long getFilesFailed();

    long getRowsLoaded();

    /** Files waiting in the drop directory, including those in flight. */
    long getBacklog();

    /** The last file finished (any outcome), or empty. */
    String getLastFile();

    /** When a file last finished without failure (ISO-8601), or empty. */
    String getLastSuccess();

    /** Rows per second since the daemon started. */
    double getRowsPerSecond();
}
