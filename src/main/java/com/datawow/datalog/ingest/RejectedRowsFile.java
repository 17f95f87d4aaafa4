package com.datawow.datalog.ingest;

import com.datawow.datalog.ledger.LedgerClaim;
import com.datawow.datalog.ledger.RejectedRowTable;
import com.datawow.datalog.quarantine.RejectedRow;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.ArrayList;
import java.util.List;

/**
 * Quarantine mode: {@code .done/NAME.rejected.csv} beside a committed file that had bad rows, for
 * people who do not query tables: one line per row set aside (its row in the file, the rule, the
 * reason, its five values), RFC 4180 CSV in UTF-8 with a header; an empty field is a null value,
 * {@code ""} an empty one. Written from {@code rejected_row} after the commit and before the file
 * is moved, so that a crash in between leaves the file waiting, to be recognised as a duplicate,
 * which writes the list again (a duplicate's list is that of the content it repeats). A committed
 * file without bad rows has no list: one left there by earlier content of its name is removed.
 */
public final class RejectedRowsFile {

    private static final List<String> HEADER =
            List.of("row", "rule", "reason", "department_name", "sensor_serial", "create_at", "product_name", "product_expire");

    private final DropDirectory dropDirectory;
    private final RejectedRowTable rejectedRows;

    public RejectedRowsFile(DropDirectory dropDirectory, RejectedRowTable rejectedRows) {
        this.dropDirectory = dropDirectory;
        this.rejectedRows = rejectedRows;
    }

    /** Writes (or removes) the list beside where the committed file is about to go. */
    public void writeFor(GroupFile file) throws IOException {
        Path list = dropDirectory.rejectedRowsFile(file.name());
        int fileId = switch (file.claim()) {
            case LedgerClaim.Load load -> load.fileId();
            case LedgerClaim.Duplicate duplicate -> duplicate.originalFileId();
        };
        long rows = file.claim() instanceof LedgerClaim.Load ? file.rowsRejected() : rejectedRows.countOf(fileId);
        if (rows == 0) {
            Files.deleteIfExists(list);
            return;
        }
        Files.createDirectories(list.getParent());
        Path partial = list.resolveSibling("." + list.getFileName() + ".tmp");
        try (Writer out = Files.newBufferedWriter(partial, StandardCharsets.UTF_8)) {
            writeLine(out, HEADER);
            rejectedRows.forEach(fileId, row -> writeLine(out, fields(row)));
        } catch (UncheckedIOException e) {
            throw e.getCause();
        }
        Files.move(partial, list, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
    }

    private static List<String> fields(RejectedRow row) {
        List<String> fields = new ArrayList<>(HEADER.size());
        fields.add(Long.toString(row.row()));
        fields.add(row.rule().id());
        fields.add(row.reason());
        fields.addAll(row.values().inFileOrder());
        return fields;
    }

    private static void writeLine(Writer out, List<String> fields) {
        try {
            for (int i = 0; i < fields.size(); i++) {
                if (i > 0) {
                    out.write(',');
                }
                out.write(field(fields.get(i)));
            }
            out.write("\r\n");
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Quoted when it must be (a comma, quote or line break; an empty value; space at either end, which spreadsheets trim). */
    static String field(String value) {
        if (value == null) {
            return "";
        }
        boolean quote = value.isEmpty() || value.strip().length() != value.length()
                || value.chars().anyMatch(c -> c == ',' || c == '"' || c == '\r' || c == '\n');
        return quote ? '"' + value.replace("\"", "\"\"") + '"' : value;
    }
}
