package com.datawow.datalog.ingest;

import com.datawow.datalog.dimension.DimensionResolver;
import com.datawow.datalog.dimension.ResolvedBatch;
import com.datawow.datalog.ledger.FileFingerprint;
import com.datawow.datalog.ledger.FileLedger;
import com.datawow.datalog.ledger.LedgerClaim;
import com.datawow.datalog.parquet.SensorLogBatch;
import com.datawow.datalog.parquet.SensorLogReader;
import com.datawow.datalog.write.CopyDatalogWriter;
import com.datawow.datalog.write.DatalogRows;
import org.apache.camel.Exchange;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.io.IOException;
import java.nio.file.Path;
import java.sql.SQLException;
import java.util.Iterator;

/** The steps of loading one file, one method per step of {@link IngestRoutes}. */
public final class FileLoadSteps {

    private static final Logger LOG = LoggerFactory.getLogger(FileLoadSteps.class);

    private final IngestSettings settings;
    private final FileLedger ledger;
    private final DimensionResolver dimensions;
    private final CopyDatalogWriter copyWriter;
    private final IngestStatistics statistics;
    private final OutageLog outageLog;

    public FileLoadSteps(IngestSettings settings, FileLedger ledger, DimensionResolver dimensions, CopyDatalogWriter copyWriter,
                         IngestStatistics statistics, OutageLog outageLog) {
        this.settings = settings;
        this.ledger = ledger;
        this.dimensions = dimensions;
        this.copyWriter = copyWriter;
        this.statistics = statistics;
        this.outageLog = outageLog;
    }

    /** Size and checksum, read before the transaction starts. */
    public void fingerprint(Exchange exchange) throws Exception {
        Path path = Path.of(exchange.getMessage().getHeader(Exchange.FILE_PATH, String.class));
        exchange.setProperty(IngestExchange.FILE_LOAD, new FileLoad(FileFingerprint.of(path)));
        exchange.setProperty(IngestExchange.DESTINATION, IngestExchange.DONE_DIR);
    }

    /** In the file's transaction: a duplicate ends here; new content gets its ledger row. */
    public void claim(Exchange exchange) {
        FileLoad load = FileLoad.of(exchange);
        load.claimed(ledger.claim(load.file()));
        if (load.claim() instanceof LedgerClaim.Duplicate duplicate) {
            LOG.info("'{}' has the content of '{}' (ledger file {}), loaded before: not loaded again",
                    load.file().name(), duplicate.originalName(), duplicate.originalFileId());
        }
    }

    public boolean isToLoad(Exchange exchange) {
        return FileLoad.of(exchange).isToLoad();
    }

    /** The file as a stream of batches, for the streaming split. */
    public Iterator<SensorLogBatch> batches(Exchange exchange) throws IOException {
        return SensorLogReader.open(FileLoad.of(exchange).file().path(), settings.batchSize());
    }

    public void resolveDimensions(Exchange exchange) {
        SensorLogBatch batch = exchange.getMessage().getBody(SensorLogBatch.class);
        exchange.getMessage().setBody(dimensions.resolve(FileLoad.of(exchange).file().name(), batch));
    }

    public void copyRows(Exchange exchange) throws SQLException {
        ResolvedBatch batch = exchange.getMessage().getBody(ResolvedBatch.class);
        FileLoad load = FileLoad.of(exchange);
        copyWriter.write(batch, load.fileId());
        load.wrote(batch.size());
    }

    /** Turns the batch into the named parameters of the camel-sql batch INSERT. */
    public void toInsertParameters(Exchange exchange) {
        ResolvedBatch batch = exchange.getMessage().getBody(ResolvedBatch.class);
        FileLoad load = FileLoad.of(exchange);
        exchange.getMessage().setBody(DatalogRows.of(batch, load.fileId()));
        load.wrote(batch.size());
    }

    /** Last step in the file's transaction: the ledger row gets its row count. */
    public void completeLoad(Exchange exchange) {
        FileLoad load = FileLoad.of(exchange);
        ledger.completeLoad(load.fileId(), load.rowsWritten());
    }

    /** Whether the file still wants an attempt at loading (the loop condition of ingest-files). */
    public boolean attemptWanted(Exchange exchange) {
        return !FileLoad.of(exchange).isSettled();
    }

    /** After the commit: count it, and end an outage if there was one. */
    public void recordOutcome(Exchange exchange) {
        FileLoad load = FileLoad.of(exchange);
        load.settle();
        FileOutcome outcome = load.outcome();
        statistics.record(load.file().name(), outcome, load.rowsWritten());
        outageLog.succeeded();
        if (outcome == FileOutcome.REPLACED) {
            LOG.info("'{}' replaced its earlier load: {} rows", load.file().name(), load.rowsWritten());
        } else {
            LOG.debug("'{}' {}: {} rows", load.file().name(), outcome, load.rowsWritten());
        }
    }
}
