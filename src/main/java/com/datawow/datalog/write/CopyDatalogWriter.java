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

/**
 * Writes a batch with pgjdbc's binary COPY on the connection of the current (group) transaction,
 * so the rows commit or roll back with their files' ledger rows.
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

    public void write(ResolvedBatch batch, int fileId, DatalogTable table) throws SQLException {
        write(batch, 0, batch.size(), fileId, table);
    }

    /** Rows {@code from} (inclusive) to {@code to} (exclusive) of the batch. */
    public void write(ResolvedBatch batch, int from, int to, int fileId, DatalogTable table) throws SQLException {
        ByteBuffer buffer = encode(batch, from, to, fileId);
        Connection connection = DataSourceUtils.getConnection(dataSource);
        try {
            CopyIn copy = connection.unwrap(PGConnection.class).getCopyAPI()
                    .copyIn("COPY " + table.name() + " (" + DatalogRows.COLUMNS + ") FROM STDIN (FORMAT binary)");
            try {
                copy.writeToCopy(buffer.array(), 0, buffer.position());
                copy.endCopy();
            } finally {
                if (copy.isActive()) {
                    copy.cancelCopy();
                }
            }
        } finally {
            DataSourceUtils.releaseConnection(connection, dataSource);
        }
    }

    static ByteBuffer encode(ResolvedBatch batch, int from, int to, int fileId) {
        ByteBuffer buffer = ByteBuffer.allocate(HEADER_BYTES + (to - from) * ROW_BYTES + 2);
        buffer.put(SIGNATURE).putInt(0).putInt(0);
        for (int i = from; i < to; i++) {
            buffer.putShort((short) 5);
            buffer.putInt(8).putLong(batch.createAt()[i] - MICROS_1970_TO_2000);
            buffer.putInt(4).putInt(batch.productIds()[i]);
            buffer.putInt(4).putInt(batch.sensorIds()[i]);
            buffer.putInt(8).putLong(batch.productExpire()[i] - MICROS_1970_TO_2000);
            buffer.putInt(4).putInt(fileId);
        }
        buffer.putShort((short) -1);
        return buffer;
    }
}
