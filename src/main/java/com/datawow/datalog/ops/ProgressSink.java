package com.datawow.datalog.ops;

/** Where progress is shown. */
public interface ProgressSink {

    /** The backlog is being worked on. */
    void progress(ProgressSample sample);

    /** The backlog is gone (the last sample of this busy period). */
    void drained(ProgressSample sample);
}
