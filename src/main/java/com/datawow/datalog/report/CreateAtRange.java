package com.datawow.datalog.report;

import java.time.LocalDateTime;
import java.util.Optional;

/** The earliest and latest {@code datalog.create_at}; both empty when datalog is empty. */
public record CreateAtRange(Optional<LocalDateTime> min, Optional<LocalDateTime> max) {
}
