package com.datawow.datalog.ledger;

import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * Everything loaded files brought, found by their ledger ids: their datalog rows and the rows
 * quarantine set aside. Taken away together, in the caller's transaction, when new content
 * replaces a file or {@code unload} takes one back.
 */
final class FileRows {

    private final JdbcClient jdbc;

    FileRows(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    /** @return the datalog rows removed */
    int delete(Integer... fileIds) {
        int rows = jdbc.sql("DELETE FROM datalog WHERE file_id = ANY(?)").param(fileIds).update();
        jdbc.sql("DELETE FROM rejected_row WHERE file_id = ANY(?)").param(fileIds).update();
        return rows;
    }
}
