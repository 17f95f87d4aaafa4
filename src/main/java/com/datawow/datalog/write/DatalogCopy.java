package com.datawow.datalog.write;

import com.datawow.datalog.dimension.ResolvedBatch;
import org.postgresql.copy.CopyIn;
import org.postgresql.util.PSQLException;

import java.nio.ByteBuffer;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * One binary COPY into a datalog table, kept open across the batches of a group's files: PostgreSQL
 * takes the rows in as they come, on its own core, while the loader reads the next file. Its
 * connection runs nothing else until {@link #end}. Each batch is remembered with what it came from
 * ({@code S}), so that a row PostgreSQL refuses, which it reports by its line in the COPY (and maybe
 * only a few batches later), is traced back to its file and batch.
 */
public final class DatalogCopy<S> {

    private static final Pattern LINE = Pattern.compile("COPY \\S+, line (\\d+)");

    private final CopyIn copy;
    private final List<Segment<S>> segments = new ArrayList<>();
    private long rows;

    private record Segment<S>(long firstLine, long lastLine, S source) {
    }

    DatalogCopy(CopyIn copy) throws SQLException {
        this.copy = copy;
        ByteBuffer header = CopyDatalogWriter.header();
        copy.writeToCopy(header.array(), 0, header.position());
    }

    /** Appends the batch's rows under ledger id {@code fileId}. */
    public void append(ResolvedBatch batch, int fileId, S source) throws SQLException {
        ByteBuffer rows = CopyDatalogWriter.rows(batch, 0, batch.size(), fileId);
        segments.add(new Segment<>(this.rows + 1, this.rows + batch.size(), source));
        this.rows += batch.size();
        copy.writeToCopy(rows.array(), 0, rows.position());
    }

    /** Ends the COPY: its rows are in the table (in the transaction), and the connection is free. */
    public long end() throws SQLException {
        ByteBuffer trailer = CopyDatalogWriter.trailer();
        copy.writeToCopy(trailer.array(), 0, trailer.position());
        return copy.endCopy();
    }

    /** Abandons the COPY after a failure (the transaction rolls back anyway). */
    public void cancel() {
        try {
            if (copy.isActive()) {
                copy.cancelCopy();
            }
        } catch (SQLException alreadyBroken) {
            // the connection failed under the COPY: the transaction is gone with it
        }
    }

    /** What the row PostgreSQL refused came from, if the failure names its line. */
    public Optional<S> sourceOf(SQLException failure) {
        if (!(failure instanceof PSQLException psql) || psql.getServerErrorMessage() == null
                || psql.getServerErrorMessage().getWhere() == null) {
            return Optional.empty();
        }
        Matcher line = LINE.matcher(psql.getServerErrorMessage().getWhere());
        if (!line.find()) {
            return Optional.empty();
        }
        long number = Long.parseLong(line.group(1));
        return segments.stream().filter(segment -> segment.firstLine() <= number && number <= segment.lastLine())
                .map(Segment::source).findFirst();
    }
}
