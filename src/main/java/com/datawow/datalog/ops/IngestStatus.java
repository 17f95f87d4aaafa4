package com.datawow.datalog.ops;

import com.datawow.datalog.ingest.DropDirectory;
import com.datawow.datalog.ingest.IngestStatistics;

import javax.management.MalformedObjectNameException;
import javax.management.ObjectName;

/** {@link IngestStatusMXBean} over the daemon's statistics and drop directory. */
public record IngestStatus(IngestStatistics statistics, DropDirectory dropDirectory) implements IngestStatusMXBean {

    public static ObjectName objectName(String contextName) {
        try {
            return new ObjectName("com.datawow.datalog:type=IngestStatistics,context=" + contextName);
        } catch (MalformedObjectNameException e) {
            throw new IllegalArgumentException("Bad context name for JMX: " + contextName, e);
        }
    }

    @Override
    public long getFilesLoaded() {
        return statistics.snapshot().loaded();
    }

    @Override
    public long getFilesReplaced() {
        return statistics.snapshot().replaced();
    }

    @Override
    public long getFilesDuplicate() {
        return statistics.snapshot().duplicates();
    }

    @Override
    public long getFilesFailed() {
        return statistics.snapshot().failed();
    }

    @Override
    public long getRowsLoaded() {
        return statistics.snapshot().rows();
    }

    @Override
    public long getBacklog() {
        return dropDirectory.waitingFiles();
    }

    @Override
    public String getLastFile() {
        return statistics.snapshot().lastFile().orElse("");
    }

    @Override
    public String getLastSuccess() {
        return statistics.snapshot().lastSuccess().map(Object::toString).orElse("");
    }

    @Override
    public double getRowsPerSecond() {
        return statistics.snapshot().rowsPerSecond();
    }
}
