package com.datawow.datalog.ingest;

import com.datawow.datalog.dimension.Dimensions;
import com.datawow.datalog.ledger.FileLedger;
import com.datawow.datalog.ledger.LedgerClaim;
import com.datawow.datalog.parquet.SensorLogBatch;
import com.datawow.datalog.parquet.SensorLogReader;
import com.datawow.datalog.partition.DatalogTable;
import com.datawow.datalog.partition.DayPartitions;
import org.apache.camel.Exchange;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.io.IOException;
import java.util.Iterator;

/** The database side of a group's attempt, one method per step of {@code load-group} and {@code load-file}. */
public final class GroupLoad {

    private static final Logger LOG = LoggerFactory.getLogger(GroupLoad.class);

    private final IngestSettings settings;
    private final FileLedger ledger;
    private final DayPartitions partitions;
    private final IngestStatistics statistics;
    private final OutageLog outageLog;

    public GroupLoad(IngestSettings settings, FileLedger ledger, DayPartitions partitions, IngestStatistics statistics,
                     OutageLog outageLog) {
        this.settings = settings;
        this.ledger = ledger;
        this.partitions = partitions;
        this.statistics = statistics;
        this.outageLog = outageLog;
    }

    /** First step of each attempt, in its transaction: a new day's table to build aside, or datalog. */
    public void chooseTarget(Exchange exchange) {
        FileGroup group = IngestExchange.group(exchange);
        DatalogTable target = group.newDay().flatMap(partitions::startDay).orElse(DatalogTable.DATALOG);
        group.beginAttempt(target);
        exchange.setProperty(IngestExchange.TARGET_TABLE, target.name());
    }

    public Iterator<GroupFile> filesToLoad(Exchange exchange) {
        return IngestExchange.group(exchange).filesToLoad();
    }

    /** In the group's transaction: a content loaded before is a duplicate; new content gets its ledger row. */
    public void claim(Exchange exchange) throws IOException {
        GroupFile file = exchange.getMessage().getBody(GroupFile.class);
        IngestExchange.group(exchange).loading(file);
        file.prepareForBadRows(settings.badRows());
        exchange.setProperty(IngestExchange.FILE, file);
        exchange.setProperty(Dimensions.FILE_NAME_PROPERTY, file.name());
        exchange.setProperty(Dimensions.BAD_ROWS_PROPERTY, file.badRows());
        file.claimed(ledger.claim(file.fingerprint()));
        if (file.claim() instanceof LedgerClaim.Duplicate duplicate) {
            LOG.info("'{}' has the content of '{}' (ledger file {}), loaded before: not loaded again",
                    file.name(), duplicate.originalName(), duplicate.originalFileId());
        }
    }

    public boolean isToLoad(Exchange exchange) {
        return IngestExchange.file(exchange).isToLoad();
    }

    /** The file as a stream of batches, for the streaming split (in quarantine mode, without the rows that break a rule). */
    public Iterator<SensorLogBatch> batches(Exchange exchange) throws IOException {
        GroupFile file = IngestExchange.file(exchange);
        return SensorLogReader.open(file.path(), settings.batchSize(), file.badRows());
    }

    /** Last step of a file: its ledger row gets its row count (and the count of rows quarantine set aside). */
    public void completeLoad(Exchange exchange) {
        GroupFile file = IngestExchange.file(exchange);
        ledger.completeLoad(file.fileId(), file.rowsWritten(), file.rowsRejected());
    }

    /** Last step of an attempt: a new day's table gets its indexes and becomes its partition. */
    public void attachNewDay(Exchange exchange) {
        DatalogTable target = IngestExchange.group(exchange).target();
        if (target.isNewDay()) {
            partitions.attach(target);
        }
    }

    /** After the commit: the files it held are settled and counted; an outage, if there was one, has ended. */
    public void recordCommitted(Exchange exchange) {
        FileGroup group = IngestExchange.group(exchange);
        long rows = 0;
        for (GroupFile file : group.committed()) {
            FileOutcome outcome = file.outcome().orElseThrow();
            statistics.record(file.name(), outcome, file.rowsWritten(), file.rowsRejected());
            rows += file.rowsWritten();
            if (outcome == FileOutcome.REPLACED) {
                LOG.info("'{}' replaced its earlier load: {} rows", file.name(), file.rowsWritten());
            }
            if (file.rowsRejected() > 0) {
                LOG.warn("'{}' loaded {} rows and set {} bad rows aside in rejected_row (listed in {}/{}{})", file.name(),
                        file.rowsWritten(), file.rowsRejected(), DropDirectory.DONE, file.name(), DropDirectory.REJECTED_ROWS_SUFFIX);
            }
        }
        outageLog.succeeded();
        if (group.target().isNewDay()) {
            LOG.info("Day {} loaded aside and attached as partition {}: {} rows", group.target().day().orElseThrow(),
                    group.target(), rows);
        }
    }
}
