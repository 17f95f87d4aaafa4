package com.datawow.datalog.ingest;

import com.datawow.datalog.dimension.ResolvedBatch;
import com.datawow.datalog.failure.ConflictException;
import com.datawow.datalog.parquet.Timestamps;
import com.datawow.datalog.write.DatalogRows;
import org.apache.camel.Exchange;

import java.time.LocalDate;

/** The steps of {@code write-batch}: a batch of resolved rows into the attempt's table, in its transaction. */
public final class DatalogWrites {

    private final GroupCopy copy;

    public DatalogWrites(GroupCopy copy) {
        this.copy = copy;
    }

    /** Into the attempt's COPY (pgjdbc's binary COPY, open across the group's batches). */
    public void copyRows(Exchange exchange) throws Exception {
        ResolvedBatch batch = exchange.getMessage().getBody(ResolvedBatch.class);
        GroupFile file = IngestExchange.file(exchange);
        FileGroup group = IngestExchange.group(exchange);
        requireWithinTheDay(group, file, batch);
        copy.append(group, file, batch);
        file.wrote(batch.size());
    }

    /** After the last batch of the attempt: its COPY ends (a row PostgreSQL refused shows here at the latest). */
    public void finishRows(Exchange exchange) throws Exception {
        copy.end(IngestExchange.group(exchange));
    }

    /** After a failure: a COPY still open is cancelled (pgjdbc runs nothing else on its connection, not even the rollback). */
    public void abandonRows(Exchange exchange) {
        IngestExchange.group(exchange).cancelCopy();
    }

    /** Turns the batch into the named parameters of the camel-sql batch INSERT. */
    public void toInsertParameters(Exchange exchange) {
        ResolvedBatch batch = exchange.getMessage().getBody(ResolvedBatch.class);
        GroupFile file = IngestExchange.file(exchange);
        requireWithinTheDay(IngestExchange.group(exchange), file, batch);
        exchange.getMessage().setBody(DatalogRows.of(batch, file.fileId()));
        file.wrote(batch.size());
    }

    /**
     * A new day's table takes only that day's rows. The day came from the files' footer statistics;
     * a writer whose statistics were wrong sends the group into datalog instead, on the next attempt.
     */
    private static void requireWithinTheDay(FileGroup group, GroupFile file, ResolvedBatch batch) {
        if (group.target().day().isEmpty()) {
            return;
        }
        LocalDate day = group.target().day().get();
        long from = Timestamps.toMicros(day.atStartOfDay());
        long to = Timestamps.toMicros(day.plusDays(1).atStartOfDay());
        for (long createAt : batch.createAt()) {
            if (createAt < from || createAt >= to) {
                group.forgetNewDay();
                throw new ConflictException(file.name() + " has a row at " + Timestamps.toLocalDateTime(createAt)
                        + ", outside " + day + " where its footer's statistics place it; the group goes into datalog instead");
            }
        }
    }
}
