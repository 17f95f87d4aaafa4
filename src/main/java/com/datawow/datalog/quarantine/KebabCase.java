package com.datawow.datalog.quarantine;

import java.util.Locale;

/** The stable names of this package's enums: each constant's name in kebab case ({@code REJECT_FILE} is {@code reject-file}). */
final class KebabCase {

    private KebabCase() {
    }

    static String of(Enum<?> constant) {
        return constant.name().toLowerCase(Locale.ROOT).replace('_', '-');
    }
}
