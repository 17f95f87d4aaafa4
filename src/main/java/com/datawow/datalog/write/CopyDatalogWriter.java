package com.datawow.datalog.write;

import com.datawow.datalog.dimension.ResolvedBatch;
import com.datawow.datalog.partition.DatalogTable;
import org.postgresql.PGConnection;
import org.postgresql.copy.CopyIn;
import org.springframework.jdbc.datasource.DataSourceUtils;

import javax.sql.DataSource;
import java.nio.ByteBuffer;
import java.sql.Connection;
import java.sql.SQLException;
import java.util.List;

/**
 * Writes datalog rows with pgjdbc's binary COPY on the connection of the current (group)
 * transaction, so the rows commit or roll back with their files' ledger rows: a COPY kept open
 * across a group's batches ({@link DatalogCopy}), or one of its own for a few rows.
 */
public final class CopyDatalogWriter {

    private static final byte[] SIGNATURE = {'P', 'G', 'C', 'O', 'P', 'Y', '\n', (byte) 0xFF, '\r', '\n', 0};
    private static final int HEADER_BYTES = SIGNATURE.length + 4 + 4;
    /** Field count, then per field a length and the value: 2 timestamps and 3 integers. */
    private static final int ROW_BYTES = 2 + 2 * (4 + 8) + 3 * (4 + 4);
    /** PostgreSQL's binary timestamps count microseconds from 2000-01-01. */
    private static final long MICROS_1970_TO_2000 = 946_684_800_000_000L;

    private final DataSource dataSource;

    public CopyDatalogWriter(DataSource dataSource) {
        this.dataSource = dataSource;
    }

    /**
     * Opens a COPY into {@code table} on the connection of the current (group) transaction, to stay
     * open across batches.
     */
    public <S> DatalogCopy<S> open(DatalogTable table) throws SQLException {
        return new DatalogCopy<>(copyIn(table));
    }

    /** Rows {@code from} (inclusive) to {@code to} (exclusive) of the batch, in a COPY of their own. */
    public void write(ResolvedBatch batch, int from, int to, int fileId, DatalogTable table) throws SQLException {
        CopyIn copy = copyIn(table);
        try {
            for (ByteBuffer part : List.of(header(), rows(batch, from, to, fileId), trailer())) {
                copy.writeToCopy(part.array(), 0, part.position());
            }
            copy.endCopy();
        } finally {
            if (copy.isActive()) {
                copy.cancelCopy();
            }
        }
    }

    /** A COPY on the connection of the transaction bound to this thread (it stays the transaction's). */
    private CopyIn copyIn(DatalogTable table) throws SQLException {
        Connection connection = DataSourceUtils.getConnection(dataSource);
        try {
            return connection.unwrap(PGConnection.class).getCopyAPI()
                    .copyIn("COPY " + table.name() + " (" + DatalogRows.COLUMNS + ") FROM STDIN (FORMAT binary)");
        } finally {
            DataSourceUtils.releaseConnection(connection, dataSource);
        }
    }

    static ByteBuffer header() {
        return ByteBuffer.allocate(HEADER_BYTES).put(SIGNATURE).putInt(0).putInt(0);
    }

    static ByteBuffer trailer() {
        return ByteBuffer.allocate(2).putShort((short) -1);
    }

    static ByteBuffer rows(ResolvedBatch batch, int from, int to, int fileId) {
        ByteBuffer buffer = ByteBuffer.allocate((to - from) * ROW_BYTES);
        for (int i = from; i < to; i++) {
            buffer.putShort((short) 5);
            buffer.putInt(8).putLong(batch.createAt()[i] - MICROS_1970_TO_2000);
            buffer.putInt(4).putInt(batch.productIds()[i]);
            buffer.putInt(4).putInt(batch.sensorIds()[i]);
            buffer.putInt(8).putLong(batch.productExpire()[i] - MICROS_1970_TO_2000);
            buffer.putInt(4).putInt(fileId);
        }
        return buffer;
    }
}
