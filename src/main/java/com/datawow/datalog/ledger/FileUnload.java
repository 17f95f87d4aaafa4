package com.datawow.datalog.ledger;

import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.jdbc.datasource.DataSourceTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

import javax.sql.DataSource;
import java.util.Optional;

/**
 * Takes back what one loaded file brought: its datalog rows (found by the {@code file_id}
 * lineage) are deleted and its ledger row becomes 'unloaded', in one transaction. The same
 * content can then be dropped and loaded again, since the ledger's exactly-once indexes count only
 * 'loaded' rows. The statement does not depend on how datalog is stored (plain or partitioned).
 */
public final class FileUnload {

    private final JdbcClient jdbc;
    private final TransactionTemplate transaction;

    public FileUnload(DataSource dataSource) {
        this.jdbc = JdbcClient.create(new JdbcTemplate(dataSource));
        this.transaction = new TransactionTemplate(new DataSourceTransactionManager(dataSource));
    }

    /** @return what was unloaded; empty (and nothing changed) if no loaded file has that name */
    public Optional<UnloadedFile> unload(String fileName) {
        return transaction.execute(status -> {
            // the row lock keeps a loader from replacing this file (same name) while its rows go
            Optional<Integer> fileId = jdbc.sql("SELECT file_id FROM ingest_ledger WHERE file_name = ? AND status = 'loaded' FOR UPDATE")
                    .param(fileName)
                    .query(Integer.class)
                    .optional();
            return fileId.map(id -> {
                int rows = new FileRows(jdbc).delete(id);
                jdbc.sql("UPDATE ingest_ledger SET status = 'unloaded', unloaded_at = now() WHERE file_id = ?").param(id).update();
                return new UnloadedFile(id, fileName, rows);
            });
        });
    }

    /** The ledger row that was unloaded and how many datalog rows went with it. */
    public record UnloadedFile(int fileId, String name, long rowsRemoved) {
    }
}
