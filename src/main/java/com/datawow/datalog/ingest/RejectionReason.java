package com.datawow.datalog.ingest;

import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.OptionalLong;

/**
 * Why a file was rejected, as written beside it in {@code .error/NAME.error.txt}: one
 * {@code key: value} line per field (file, rejected at, kind, row where there is one, reason,
 * size, sha256). People read it; the console and {@code retry} read it back with {@link #parse}.
 * A reason that spans lines (a database's detail lines) continues on the lines after its key.
 */
public record RejectionReason(String file, Instant rejectedAt, String kind, OptionalLong row, String message,
                              long size, String sha256) {

    private static final String FILE = "file";
    private static final String REJECTED_AT = "rejected at";
    private static final String KIND = "kind";
    private static final String ROW = "row";
    private static final String REASON = "reason";
    private static final String SIZE = "size";
    private static final String SHA256 = "sha256";
    private static final List<String> KEYS = List.of(FILE, REJECTED_AT, KIND, ROW, REASON, SIZE, SHA256);
    private static final String BYTES = " bytes";

    public String text() {
        StringBuilder text = new StringBuilder();
        line(text, FILE, file);
        line(text, REJECTED_AT, rejectedAt.toString());
        line(text, KIND, kind);
        row.ifPresent(r -> line(text, ROW, Long.toString(r)));
        line(text, REASON, message);
        line(text, SIZE, size + BYTES);
        line(text, SHA256, sha256);
        return text.toString();
    }

    /** @throws IllegalArgumentException when the text is not a reason file (a field missing or malformed) */
    public static RejectionReason parse(String text) {
        Map<String, StringBuilder> fields = new LinkedHashMap<>();
        StringBuilder current = null;
        int lastKey = -1;
        for (String line : text.split("\n", -1)) {
            // keys come in their order, so a reason's own lines ("file: ..." in a message) stay in the reason
            int key = keyAfter(lastKey, line);
            if (key >= 0) {
                current = new StringBuilder(line.substring(KEYS.get(key).length() + 2));
                fields.put(KEYS.get(key), current);
                lastKey = key;
            } else if (current != null && !line.isEmpty()) {
                current.append('\n').append(line);
            }
        }
        try {
            return new RejectionReason(
                    required(fields, FILE),
                    Instant.parse(required(fields, REJECTED_AT)),
                    required(fields, KIND),
                    fields.containsKey(ROW) ? OptionalLong.of(Long.parseLong(fields.get(ROW).toString().trim())) : OptionalLong.empty(),
                    required(fields, REASON),
                    Long.parseLong(stripSuffix(required(fields, SIZE), BYTES).trim()),
                    required(fields, SHA256));
        } catch (DateTimeParseException | NumberFormatException e) {
            throw new IllegalArgumentException("Not a rejection reason: " + e.getMessage(), e);
        }
    }

    private static void line(StringBuilder text, String key, String value) {
        text.append(key).append(": ").append(value).append('\n');
    }

    private static int keyAfter(int lastKey, String line) {
        for (int key = lastKey + 1; key < KEYS.size(); key++) {
            if (line.startsWith(KEYS.get(key) + ": ")) {
                return key;
            }
        }
        return -1;
    }

    private static String stripSuffix(String text, String suffix) {
        return text.endsWith(suffix) ? text.substring(0, text.length() - suffix.length()) : text;
    }

    private static String required(Map<String, StringBuilder> fields, String key) {
        StringBuilder value = fields.get(key);
        if (value == null) {
            throw new IllegalArgumentException("Not a rejection reason: no '" + key + ":' line");
        }
        return value.toString();
    }
}
