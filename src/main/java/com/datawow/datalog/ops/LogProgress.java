package com.datawow.datalog.ops;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.util.Locale;

/** Progress as INFO lines in the log (the daemon, log collectors). */
public final class LogProgress implements ProgressSink {

    private static final Logger LOG = LoggerFactory.getLogger(LogProgress.class);

    @Override
    public void progress(ProgressSample sample) {
        LOG.info("Progress: {}", sample.line());
    }

    @Override
    public void drained(ProgressSample sample) {
        LOG.info(String.format(Locale.ROOT, "Backlog drained: %,d files, %,d rows in %s (%,.0f rows/s)",
                sample.filesDone(), sample.rows(), ProgressSample.duration(sample.elapsed()), sample.rowsPerSecond()));
    }
}
