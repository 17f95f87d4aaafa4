package com.datawow.datalog.ledger;

import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.core.simple.JdbcClient;

import javax.sql.DataSource;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * The ingest ledger: the source of truth for exactly-once. A group's attempt asks it once, before
 * any row is written ({@link #plan}), and tells it once, after the last row ({@link #record}); both
 * join the transaction bound to the thread, so the files' rows and their ledger rows commit together.
 * Two loaders committing the same content meet on the ledger's unique indexes: the second fails
 * with a unique violation (a conflict), and its next attempt finds the content loaded: a duplicate.
 * {@link #recordFailure} runs on its own, after the group's transaction.
 */
public final class FileLedger {

    private final JdbcClient jdbc;

    public FileLedger(DataSource dataSource) {
        this.jdbc = JdbcClient.create(new JdbcTemplate(dataSource));
    }

    /**
     * What to do with each file, in order: a content loaded before (or earlier in the list) is a
     * duplicate; new content is loaded under a ledger id reserved now, replacing an earlier load of
     * the same name when there is one. Three statements, whatever the number of files.
     */
    public List<LedgerClaim> plan(List<FileFingerprint> files) {
        if (files.isEmpty()) {
            return List.of();
        }
        Map<String, LedgerClaim.Duplicate> loaded = new HashMap<>();
        jdbc.sql("SELECT checksum, file_id, file_name FROM ingest_ledger WHERE status = 'loaded' AND checksum = ANY(?)")
                .param(files.stream().map(FileFingerprint::checksum).toArray(String[]::new))
                .query(rs -> {
                    loaded.put(rs.getString(1), new LedgerClaim.Duplicate(0, rs.getInt(2), rs.getString(3)));
                });
        Set<String> loadedNames = new HashSet<>(jdbc.sql("SELECT file_name FROM ingest_ledger WHERE status = 'loaded' AND file_name = ANY(?)")
                .param(files.stream().map(FileFingerprint::name).toArray(String[]::new))
                .query(String.class).list());
        List<Integer> ids = jdbc.sql("SELECT nextval(pg_get_serial_sequence('ingest_ledger', 'file_id'))::int FROM generate_series(1, ?)")
                .param(files.size())
                .query(Integer.class).list();

        List<LedgerClaim> claims = new ArrayList<>(files.size());
        for (int i = 0; i < files.size(); i++) {
            FileFingerprint file = files.get(i);
            int id = ids.get(i);
            LedgerClaim.Duplicate original = loaded.get(file.checksum());
            if (original != null) {
                claims.add(new LedgerClaim.Duplicate(id, original.originalFileId(), original.originalName()));
            } else {
                claims.add(new LedgerClaim.Load(id, loadedNames.contains(file.name())));
                loaded.put(file.checksum(), new LedgerClaim.Duplicate(0, id, file.name()));
            }
        }
        return claims;
    }

    /** A file the attempt reached: what the ledger planned for it, and the rows it brought. */
    public record Outcome(FileFingerprint file, LedgerClaim claim, long rows, long rejectedRows) {
    }

    /**
     * The ledger rows of the files an attempt reached, in its transaction: earlier loads of the same
     * names become 'replaced' (their rows and rejected rows go), then one row per file, 'loaded' with
     * its counts or 'duplicate' of its original.
     */
    public void record(List<Outcome> outcomes) {
        List<Outcome> replacing = outcomes.stream()
                .filter(outcome -> outcome.claim() instanceof LedgerClaim.Load load && load.replaces()).toList();
        String[] replacingNames = replacing.stream().map(outcome -> outcome.file().name()).toArray(String[]::new);
        if (replacingNames.length > 0) {
            // first, so that the new rows do not meet the old ones on the unique index of loaded names
            List<Integer> replaced = jdbc.sql("UPDATE ingest_ledger SET status = 'replaced' WHERE status = 'loaded' AND file_name = ANY(?) RETURNING file_id")
                    .param(replacingNames)
                    .query(Integer.class).list();
            new FileRows(jdbc).delete(replaced.toArray(Integer[]::new));
        }
        jdbc.sql("""
                        INSERT INTO ingest_ledger (file_id, file_name, file_size, checksum, status, row_count, rejected_row_count,
                                                   duplicate_of, finished_at)
                        SELECT r.file_id, r.file_name, r.file_size, r.checksum, r.status, r.row_count, r.rejected_row_count,
                               r.duplicate_of, clock_timestamp()
                        FROM unnest(?::int[], ?::text[], ?::bigint[], ?::text[], ?::text[], ?::bigint[], ?::bigint[], ?::int[])
                             AS r (file_id, file_name, file_size, checksum, status, row_count, rejected_row_count, duplicate_of)""")
                .params(outcomes.stream().map(outcome -> outcome.claim().fileId()).toArray(Integer[]::new),
                        outcomes.stream().map(outcome -> outcome.file().name()).toArray(String[]::new),
                        outcomes.stream().map(outcome -> outcome.file().size()).toArray(Long[]::new),
                        outcomes.stream().map(outcome -> outcome.file().checksum()).toArray(String[]::new),
                        outcomes.stream().map(outcome -> outcome.claim() instanceof LedgerClaim.Load ? "loaded" : "duplicate").toArray(String[]::new),
                        outcomes.stream().map(Outcome::rows).toArray(Long[]::new),
                        outcomes.stream().map(Outcome::rejectedRows).toArray(Long[]::new),
                        outcomes.stream().map(outcome -> outcome.claim() instanceof LedgerClaim.Duplicate duplicate
                                ? duplicate.originalFileId() : null).toArray(Integer[]::new))
                .update();
        if (replacingNames.length > 0) {
            // last: replaced_by points at the new rows
            jdbc.sql("""
                            UPDATE ingest_ledger l SET replaced_by = n.file_id
                            FROM unnest(?::text[], ?::int[]) AS n (file_name, file_id)
                            WHERE l.status = 'replaced' AND l.replaced_by IS NULL AND l.file_name = n.file_name""")
                    .params(replacingNames, replacing.stream().map(outcome -> outcome.claim().fileId()).toArray(Integer[]::new))
                    .update();
        }
    }

    /** Records a rejected file, in a transaction of its own (the group's one has rolled back, or committed without it). */
    public void recordFailure(FileFingerprint file, String error) {
        jdbc.sql("""
                        INSERT INTO ingest_ledger (file_name, file_size, checksum, status, finished_at, error)
                        VALUES (?, ?, ?, 'failed', now(), ?)""")
                .params(file.name(), file.size(), file.checksum(), error)
                .update();
    }
}
