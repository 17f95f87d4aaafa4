package com.datawow.datalog.ingest;

import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.Arrays;
import java.util.EnumMap;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalLong;

/**
 * Why a file was rejected, as written beside it in {@code .error/NAME.error.txt}: one
 * {@code key: value} line per field (file, rejected at, kind, row where there is one, reason,
 * size, sha256). People read it; the console and {@code retry} read it back with {@link #parse}.
 * A reason that spans lines (a database's detail lines) continues on the lines after its key.
 */
public record RejectionReason(String file, Instant rejectedAt, String kind, OptionalLong row, String message,
                              long size, String sha256) {

    private static final String BYTES = " bytes";

    /** The fields, in the order they are written and read back. */
    private enum Field {
        FILE, REJECTED_AT, KIND, ROW, REASON, SIZE, SHA256;

        /** The key of its line: the name in lower case, words apart ("rejected at"). */
        String key() {
            return name().toLowerCase(Locale.ROOT).replace('_', ' ');
        }
    }

    public String text() {
        StringBuilder text = new StringBuilder();
        line(text, Field.FILE, file);
        line(text, Field.REJECTED_AT, rejectedAt.toString());
        line(text, Field.KIND, kind);
        row.ifPresent(r -> line(text, Field.ROW, Long.toString(r)));
        line(text, Field.REASON, message);
        line(text, Field.SIZE, size + BYTES);
        line(text, Field.SHA256, sha256);
        return text.toString();
    }

    /** @throws IllegalArgumentException when the text is not a reason file (a field missing or malformed) */
    public static RejectionReason parse(String text) {
        Map<Field, StringBuilder> fields = new EnumMap<>(Field.class);
        StringBuilder current = null;
        int next = 0;
        for (String line : text.split("\n", -1)) {
            // keys come in their order, so a reason's own lines ("file: ..." in a message) stay in the reason
            Optional<Field> field = fieldFrom(next, line);
            if (field.isPresent()) {
                current = new StringBuilder(line.substring(field.get().key().length() + 2));
                fields.put(field.get(), current);
                next = field.get().ordinal() + 1;
            } else if (current != null && !line.isEmpty()) {
                current.append('\n').append(line);
            }
        }
        try {
            return new RejectionReason(
                    required(fields, Field.FILE),
                    Instant.parse(required(fields, Field.REJECTED_AT)),
                    required(fields, Field.KIND),
                    fields.containsKey(Field.ROW) ? OptionalLong.of(Long.parseLong(fields.get(Field.ROW).toString().trim())) : OptionalLong.empty(),
                    required(fields, Field.REASON),
                    Long.parseLong(stripSuffix(required(fields, Field.SIZE), BYTES).trim()),
                    required(fields, Field.SHA256));
        } catch (DateTimeParseException | NumberFormatException e) {
            throw new IllegalArgumentException("Not a rejection reason: " + e.getMessage(), e);
        }
    }

    private static void line(StringBuilder text, Field field, String value) {
        text.append(field.key()).append(": ").append(value).append('\n');
    }

    /** The field whose line this is, if it is one of the fields from the {@code first}-th on. */
    private static Optional<Field> fieldFrom(int first, String line) {
        return Arrays.stream(Field.values()).skip(first).filter(field -> line.startsWith(field.key() + ": ")).findFirst();
    }

    private static String stripSuffix(String text, String suffix) {
        return text.endsWith(suffix) ? text.substring(0, text.length() - suffix.length()) : text;
    }

    private static String required(Map<Field, StringBuilder> fields, Field field) {
        StringBuilder value = fields.get(field);
        if (value == null) {
            throw new IllegalArgumentException("Not a rejection reason: no '" + field.key() + ":' line");
        }
        return value.toString();
    }
}
