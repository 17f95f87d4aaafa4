package com.datawow.datalog.quarantine;

import com.datawow.datalog.config.Settings;

/**
 * What the loader does with rows that break a rule: {@code datalog.bad-rows} ({@code reject-file},
 * the default, or {@code quarantine}) and, in quarantine mode, {@code datalog.bad-rows.max-per-file}.
 */
public record BadRowSettings(BadRowMode mode, BadRowLimit limit) {

    public static final String BAD_ROWS = "datalog.bad-rows";
    public static final String MAX_PER_FILE = "datalog.bad-rows.max-per-file";
    public static final BadRowSettings REJECT_FILE = new BadRowSettings(BadRowMode.REJECT_FILE, BadRowLimit.NONE);

    public static BadRowSettings from(Settings settings) {
        return new BadRowSettings(settings.get(BAD_ROWS).map(BadRowMode::parse).orElse(BadRowMode.REJECT_FILE),
                settings.get(MAX_PER_FILE).map(BadRowLimit::parse).orElse(BadRowLimit.NONE));
    }

    /** Quarantine mode, with that limit. */
    public static BadRowSettings quarantine(BadRowLimit limit) {
        return new BadRowSettings(BadRowMode.QUARANTINE, limit);
    }

    public boolean quarantines() {
        return mode == BadRowMode.QUARANTINE;
    }

    /** For a file of {@code fileRows} rows (from its footer): how it deals with bad rows in this mode. */
    public FileQuarantine quarantineFor(String fileName, long fileRows) {
        if (!quarantines()) {
            throw new IllegalStateException("no quarantine in " + mode + " mode");
        }
        return new FileQuarantine(fileName, fileRows, limit);
    }
}
