package com.datawow.datalog.ledger;

import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.core.RowMapper;
import org.springframework.jdbc.core.simple.JdbcClient;

import javax.sql.DataSource;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * Reads the ingest ledger for people: the {@code files} command and the console's "last files".
 * Read-only; the statements are built from fixed fragments, values are always parameters.
 */
public final class LedgerEntries {

    private static final String SELECT =
            "SELECT file_id, file_name, status, row_count, rejected_row_count, started_at, finished_at, error, unloaded_at FROM ingest_ledger";
    /** The moment a row is filtered by: the same as {@link LedgerEntry#when()}. */
    private static final String WHEN = "coalesce(finished_at, started_at)";

    private static final RowMapper<LedgerEntry> ENTRY = (rs, n) -> new LedgerEntry(
            rs.getInt("file_id"),
            rs.getString("file_name"),
            rs.getString("status"),
            rs.getLong("row_count"),
            rs.getLong("rejected_row_count"),
            instant(rs, "started_at").orElseThrow(),
            instant(rs, "finished_at"),
            Optional.ofNullable(rs.getString("error")),
            instant(rs, "unloaded_at"));

    private final JdbcClient jdbc;

    public LedgerEntries(DataSource dataSource) {
        this.jdbc = JdbcClient.create(new JdbcTemplate(dataSource));
    }

    /** The ledger in the order files were seen; only failed files if asked; only those dealt with since a moment if given. */
    public List<LedgerEntry> list(boolean failedOnly, Optional<Instant> since) {
        List<String> conditions = new ArrayList<>();
        List<Object> parameters = new ArrayList<>();
        if (failedOnly) {
            conditions.add("status = 'failed'");
        }
        since.ifPresent(moment -> {
            conditions.add(WHEN + " >= ?");
            parameters.add(moment.atOffset(ZoneOffset.UTC));
        });
        String where = conditions.isEmpty() ? "" : " WHERE " + String.join(" AND ", conditions);
        return jdbc.sql(SELECT + where + " ORDER BY file_id").params(parameters).query(ENTRY).list();
    }

    /** The {@code limit} files seen last, newest first. */
    public List<LedgerEntry> recent(int limit) {
        return jdbc.sql(SELECT + " ORDER BY file_id DESC LIMIT ?").param(limit).query(ENTRY).list();
    }

    private static Optional<Instant> instant(ResultSet rs, String column) throws SQLException {
        return Optional.ofNullable(rs.getObject(column, OffsetDateTime.class)).map(OffsetDateTime::toInstant);
    }
}
