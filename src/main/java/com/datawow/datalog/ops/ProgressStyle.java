package com.datawow.datalog.ops;

/** How progress is shown while there is a backlog. */
public enum ProgressStyle {
    /** A line in the log at the progress interval (the daemon). */
    LOG_LINES,
    /** A bar redrawn in place on the terminal's stderr (interactive {@code run --once}, {@code demo}). */
    TERMINAL_BAR,
    /** Nothing (tests, embedded use). */
    OFF
}
