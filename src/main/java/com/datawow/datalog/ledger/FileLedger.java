package com.datawow.datalog.ledger;

import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.core.simple.JdbcClient;

import javax.sql.DataSource;
import java.util.List;
import java.util.Optional;

/**
 * The ingest ledger: the source of truth for exactly-once. {@link #claim} and {@link #completeLoad}
 * run inside the file's transaction (they join the Spring transaction bound to the thread), so a
 * file's rows and its 'loaded' row commit together. {@link #recordFailure} runs on its own, after
 * the file's transaction rolled back.
 */
public final class FileLedger {

    private final JdbcClient jdbc;

    public FileLedger(DataSource dataSource) {
        this.jdbc = JdbcClient.create(new JdbcTemplate(dataSource));
    }

    /**
     * Decides what to do with a file: a content loaded before is a duplicate (recorded as such);
     * otherwise a new 'loaded' row is claimed, replacing (and deleting the rows and rejected rows
     * of) an earlier load of the same name. Two loaders claiming the same content at once meet on the ledger's
     * unique index: the second waits for the first and fails with a unique violation, and its
     * retry then sees a duplicate.
     */
    public LedgerClaim claim(FileFingerprint file) {
        Optional<LedgerClaim.Duplicate> loadedBefore = jdbc.sql(
                        "SELECT file_id, file_name FROM ingest_ledger WHERE checksum = ? AND status = 'loaded'")
                .param(file.checksum())
                .query((rs, n) -> new LedgerClaim.Duplicate(rs.getInt(1), rs.getString(2)))
                .optional();
        if (loadedBefore.isPresent()) {
            jdbc.sql("""
                            INSERT INTO ingest_ledger (file_name, file_size, checksum, status, duplicate_of, finished_at)
                            VALUES (?, ?, ?, 'duplicate', ?, now())""")
                    .params(file.name(), file.size(), file.checksum(), loadedBefore.get().originalFileId())
                    .update();
            return loadedBefore.get();
        }
        List<Integer> replaced = jdbc.sql("""
                        UPDATE ingest_ledger SET status = 'replaced'
                        WHERE file_name = ? AND status = 'loaded' RETURNING file_id""")
                .param(file.name())
                .query(Integer.class)
                .list();
        int fileId = jdbc.sql("""
                        INSERT INTO ingest_ledger (file_name, file_size, checksum, status)
                        VALUES (?, ?, ?, 'loaded') RETURNING file_id""")
                .params(file.name(), file.size(), file.checksum())
                .query(Integer.class)
                .single();
        if (!replaced.isEmpty()) {
            Integer[] ids = replaced.toArray(Integer[]::new);
            jdbc.sql("UPDATE ingest_ledger SET replaced_by = ? WHERE file_id = ANY(?)").params(fileId, ids).update();
            new FileRows(jdbc).delete(ids);
        }
        return new LedgerClaim.Load(fileId, List.copyOf(replaced));
    }

    /** Closes a load: its row count, the rows quarantine set aside, and its finish time, in the file's transaction. */
    public void completeLoad(int fileId, long rows, long rejectedRows) {
        jdbc.sql("UPDATE ingest_ledger SET row_count = ?, rejected_row_count = ?, finished_at = clock_timestamp() WHERE file_id = ?")
                .params(rows, rejectedRows, fileId)
                .update();
    }

    /** Records a rejected file, in a transaction of its own (the file's one has rolled back). */
    public void recordFailure(FileFingerprint file, String error) {
        jdbc.sql("""
                        INSERT INTO ingest_ledger (file_name, file_size, checksum, status, finished_at, error)
                        VALUES (?, ?, ?, 'failed', now(), ?)""")
                .params(file.name(), file.size(), file.checksum(), error)
                .update();
    }

}
