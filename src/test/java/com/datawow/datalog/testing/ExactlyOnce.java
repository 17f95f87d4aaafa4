package com.datawow.datalog.testing;

import java.io.IOException;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.stream.Collectors;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The exactly-once invariants, checked against the warehouse and the drop directory: the words
 * the crash and shutdown tests end with.
 */
public final class ExactlyOnce {

    private ExactlyOnce() {
    }

    /**
     * Nothing half loaded, whatever state a run was stopped in: every 'loaded' ledger row has
     * exactly its row_count datalog rows and its rejected_row_count rejected rows, and every
     * datalog row and every rejected row belongs to a 'loaded' ledger row.
     */
    public static void assertNothingHalfLoaded(TestDatabase database) {
        assertEachLoadedFileHasItsRows(database, "datalog", "row_count");
        assertEachLoadedFileHasItsRows(database, "rejected_row", "rejected_row_count");
    }

    /** Every 'loaded' ledger row has as many rows in {@code table} as its {@code countColumn} says, and every row there belongs to one. */
    private static void assertEachLoadedFileHasItsRows(TestDatabase database, String table, String countColumn) {
        String rowsOfFile = "(SELECT count(*) FROM " + table + " t WHERE t.file_id = l.file_id)";
        assertThat(database.queryRows("SELECT l.file_name, l." + countColumn + ", " + rowsOfFile + " FROM ingest_ledger l"
                        + " WHERE l.status = 'loaded' AND l." + countColumn + " <> " + rowsOfFile))
                .as("loaded files whose %s rows differ from their %s (name, %s, rows)", table, countColumn, countColumn)
                .isEmpty();
        assertThat(database.queryRows("SELECT t.file_id, count(*) FROM " + table + " t"
                        + " WHERE NOT EXISTS (SELECT 1 FROM ingest_ledger l WHERE l.file_id = t.file_id AND l.status = 'loaded')"
                        + " GROUP BY t.file_id"))
                .as("%s rows of no loaded file (file_id, rows)", table)
                .isEmpty();
    }

    /** The names of the files the ledger holds as loaded, with their row counts. */
    public static Map<String, Long> loadedFiles(TestDatabase database) {
        return database.queryRows("SELECT file_name, row_count FROM ingest_ledger WHERE status = 'loaded'").stream()
                .collect(Collectors.toMap(row -> (String) row.get(0), row -> ((Number) row.get(1)).longValue(), (a, b) -> {
                    throw new AssertionError("two loaded ledger rows for one name");
                }, TreeMap::new));
    }

    /**
     * Every expected file loaded exactly once and nothing else: one 'loaded' ledger row per file
     * (distinct contents, the expected row count), no failure, any other sighting of a file only a
     * 'duplicate' of its own loaded row; datalog holds exactly their rows; the drop directory holds
     * only {@code .done/} with exactly these names.
     */
    public static void assertLoadedExactlyOnce(TestDatabase database, Path dropDir, Map<String, Long> expectedRowsByName)
            throws IOException {
        assertLoadedExactlyOnce(database, dropDir, expectedRowsByName, Map.of());
    }

    /**
     * As above, in quarantine mode: the files of {@code expectedRejectedByName} also had that many
     * rows set aside, exactly once (in rejected_row, and listed in {@code .done/NAME.rejected.csv}).
     */
    public static void assertLoadedExactlyOnce(TestDatabase database, Path dropDir, Map<String, Long> expectedRowsByName,
                                               Map<String, Long> expectedRejectedByName) throws IOException {
        assertThat(loadedFiles(database)).as("loaded ledger rows: name -> row_count").isEqualTo(new TreeMap<>(expectedRowsByName));
        assertThat(database.queryLong("SELECT count(DISTINCT checksum) FROM ingest_ledger WHERE status = 'loaded'"))
                .as("distinct contents among loaded files").isEqualTo(expectedRowsByName.size());
        assertThat(database.queryRows("""
                        SELECT status, file_name FROM ingest_ledger l
                        WHERE status <> 'loaded' AND NOT (status = 'duplicate' AND EXISTS (
                            SELECT 1 FROM ingest_ledger o
                            WHERE o.file_id = l.duplicate_of AND o.status = 'loaded'
                              AND o.checksum = l.checksum AND o.file_name = l.file_name))"""))
                .as("ledger rows other than 'loaded' and a 'duplicate' sighting of the same file after a crash")
                .isEmpty();

        long expectedRows = expectedRowsByName.values().stream().mapToLong(Long::longValue).sum();
        assertThat(database.queryLong("SELECT count(*) FROM datalog")).as("datalog rows").isEqualTo(expectedRows);
        assertNothingHalfLoaded(database);

        assertThat(database.queryRows("SELECT f.file_name, count(*) FROM rejected_row r JOIN ingest_ledger f USING (file_id) GROUP BY f.file_name")
                .stream().collect(Collectors.toMap(row -> (String) row.get(0), row -> ((Number) row.get(1)).longValue())))
                .as("rejected rows per file").isEqualTo(expectedRejectedByName);

        TreeSet<String> done = new TreeSet<>(expectedRowsByName.keySet());
        expectedRejectedByName.keySet().forEach(name -> done.add(name + ".rejected.csv"));
        assertThat(RunningLoader.namesIn(dropDir)).as("drop directory").containsExactly(".done");
        assertThat(RunningLoader.namesIn(dropDir.resolve(".done"))).as(".done/").containsExactlyElementsOf(List.copyOf(done));
    }

    /** How many ledger rows have this status. */
    public static long ledgerRows(TestDatabase database, String status) {
        return database.queryLong("SELECT count(*) FROM ingest_ledger WHERE status = '" + status + "'");
    }
}
