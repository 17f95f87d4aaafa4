package com.datawow.datalog.quarantine;

import java.util.Arrays;
import java.util.stream.Collectors;

/** {@code datalog.bad-rows}: what a row that breaks a rule does to its file. */
public enum BadRowMode {
    /** The default: the file is rejected whole, moved to .error/ with the reason. */
    REJECT_FILE,
    /** The row is set aside in rejected_row; the file's other rows load. */
    QUARANTINE;

    public String id() {
        return KebabCase.of(this);
    }

    public static BadRowMode parse(String value) {
        String wanted = value.trim();
        return Arrays.stream(values()).filter(mode -> mode.id().equalsIgnoreCase(wanted)).findFirst()
                .orElseThrow(() -> new IllegalArgumentException(BadRowSettings.BAD_ROWS + " must be one of "
                        + Arrays.stream(values()).map(BadRowMode::id).collect(Collectors.joining(", ")) + ", got '" + value + "'"));
    }

    @Override
    public String toString() {
        return id();
    }
}
