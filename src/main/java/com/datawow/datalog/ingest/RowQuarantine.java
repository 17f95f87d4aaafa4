package com.datawow.datalog.ingest;

import com.datawow.datalog.dimension.ResolvedBatch;
import com.datawow.datalog.failure.Causes;
import com.datawow.datalog.failure.FailureClassifier;
import com.datawow.datalog.failure.FailureKind;
import com.datawow.datalog.ledger.RejectedRowTable;
import com.datawow.datalog.quarantine.FileQuarantine;
import com.datawow.datalog.quarantine.RejectedRow;
import com.datawow.datalog.quarantine.RowRule;
import com.datawow.datalog.write.RefusedRowSearch;
import org.apache.camel.Exchange;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.sql.SQLException;
import java.util.BitSet;
import java.util.List;

/**
 * The steps of {@code quarantine-batch}, which quarantine mode puts around {@code write-batch}. Rows
 * Java can check never get this far (the reader and the dimension lookup set them aside); what is
 * left is what only PostgreSQL can refuse. A refused COPY aborts the group's transaction, and a
 * savepoint around every batch would cost the group a subtransaction per batch (more than 64 slow
 * every session), so a first refusal fails the attempt ({@link BatchRefusedException}) and the next
 * attempt, at once, searches that one batch for the refused rows ({@link RefusedRowSearch}) before
 * writing the rest. The rows set aside go to {@code rejected_row} batch by batch, in the group's
 * transaction, so memory holds at most a batch of them.
 */
public record RowQuarantine(RefusedRowSearch search, RejectedRowTable rejectedRows, FailureClassifier classifier, GroupCopy copy) {

    private static final Logger LOG = LoggerFactory.getLogger(RowQuarantine.class);

    /** A batch PostgreSQL refused in an earlier attempt: its refused rows set aside, the rest written on. */
    public void setAsideRefusedRows(Exchange exchange) throws Exception {
        ResolvedBatch batch = exchange.getMessage().getBody(ResolvedBatch.class);
        GroupFile file = IngestExchange.file(exchange);
        FileQuarantine quarantine = quarantineOf(file);
        exchange.setProperty(IngestExchange.BATCH_FIRST_ROW, batch.firstRow());
        if (!quarantine.wasRefused(batch.firstRow())) {
            return;
        }
        copy.end(IngestExchange.group(exchange));   // the search needs the connection
        RefusedRowSearch.Refusals refusals = search.search(batch, file.fileId(), IngestExchange.group(exchange).target());
        BitSet refused = new BitSet(batch.size());
        for (RefusedRowSearch.RefusedRow row : refusals.rows()) {
            quarantine.setAside(new RejectedRow(batch.source().rowNumber(row.index()), RowRule.REJECTED_BY_DATABASE, row.reason(),
                    batch.source().valuesOf(row.index())));
            refused.set(row.index());
        }
        LOG.info("'{}', batch from row {}: PostgreSQL refuses {} of its {} rows (found in {} probes); they are set aside",
                file.name(), batch.firstRow(), refusals.rows().size(), batch.size(), refusals.probes());
        exchange.getMessage().setBody(batch.without(refused));
    }

    /** Whether the write failed because PostgreSQL refused a value of the batch (not an outage, not a conflict). */
    public boolean isRefusal(Exchange exchange) {
        Throwable failure = exchange.getProperty(Exchange.EXCEPTION_CAUGHT, Throwable.class);
        return Causes.find(failure, SQLException.class).isPresent() && classifier.classify(failure) == FailureKind.BAD_INPUT;
    }

    /**
     * A refused batch: the attempt fails, and the next one searches the batch. If the batch was
     * searched already and PostgreSQL still refuses what was left of it (rows it refuses only
     * together), the refusal stands and rejects the file.
     */
    public void searchOnNextAttempt(Exchange exchange) throws Exception {
        Throwable refusal = exchange.getProperty(Exchange.EXCEPTION_CAUGHT, Throwable.class);
        throw afterRefusal(IngestExchange.file(exchange), exchange.getProperty(IngestExchange.BATCH_FIRST_ROW, Long.class),
                refusal instanceof Exception e ? e : new IllegalStateException(refusal));
    }

    /**
     * What follows PostgreSQL refusing a row of the file's batch from {@code firstRow}: the next attempt
     * searches that batch ({@link BatchRefusedException}), or, when it was searched already, the refusal
     * stands and rejects the file.
     */
    static Exception afterRefusal(GroupFile file, long firstRow, Exception refusal) {
        FileQuarantine quarantine = quarantineOf(file);
        if (quarantine.wasRefused(firstRow)) {
            return refusal;
        }
        quarantine.refused(firstRow);
        String reason = Causes.describe(Causes.find(refusal, SQLException.class).orElseThrow());
        LOG.info("'{}', batch from row {}: PostgreSQL refused a row ({}); searching the batch in the next attempt",
                file.name(), firstRow, reason);
        return new BatchRefusedException(file.name(), firstRow, reason);
    }

    /** The rows set aside since the last batch, into rejected_row under the file's ledger id. */
    public void recordSetAsideRows(Exchange exchange) throws Exception {
        GroupFile file = IngestExchange.file(exchange);
        List<RejectedRow> setAside = quarantineOf(file).takeUnwritten();
        if (!setAside.isEmpty()) {
            copy.end(IngestExchange.group(exchange));   // the insert needs the connection; the next batch opens a new COPY
            rejectedRows.add(file.fileId(), setAside);
        }
    }

    private static FileQuarantine quarantineOf(GroupFile file) {
        return file.quarantine().orElseThrow(() -> new IllegalStateException(file.name() + " has no quarantine: not in quarantine mode"));
    }
}
