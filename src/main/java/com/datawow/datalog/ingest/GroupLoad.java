package com.datawow.datalog.ingest;

import com.datawow.datalog.dimension.Dimensions;
import com.datawow.datalog.ledger.FileFingerprint;
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
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;

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

    /**
     * Before any row: what the ledger knows of the pending files' contents and names (duplicates,
     * replacements) and the ledger ids of the new ones, in three statements for the whole group.
     */
    public void planLedger(Exchange exchange) throws IOException {
        FileGroup group = IngestExchange.group(exchange);
        List<FileFingerprint> fingerprints = new ArrayList<>();
        fingerprintAll(group.pending());
        for (GroupFile file : group.pending()) {
            group.loading(file);   // a file that cannot be read whole is the one to blame
            fingerprints.add(file.fingerprint());
        }
        group.loading(null);
        group.planned(ledger.plan(fingerprints));
        for (GroupFile file : group.pending()) {
            if (file.claim() instanceof LedgerClaim.Duplicate duplicate) {
                LOG.info("'{}' has the content of '{}' (ledger file {}), loaded before: not loaded again",
                        file.name(), duplicate.originalName(), duplicate.originalFileId());
            }
        }
    }

    /** Checksums of many files take a while: read on all cores (a file that cannot be read is found again, one by one, above). */
    private static void fingerprintAll(List<GroupFile> files) {
        files.parallelStream().forEach(file -> {
            try {
                file.fingerprint();
            } catch (IOException unreadable) {
                // reported with its file by the loop that follows
            }
        });
    }

    /** A file's load begins: it is the one to blame for what fails now, and the exchange names it for the steps that follow. */
    public void startFile(Exchange exchange) {
        GroupFile file = exchange.getMessage().getBody(GroupFile.class);
        IngestExchange.group(exchange).loading(file);
        file.reached();
        file.prepareForBadRows(settings.badRows());
        exchange.setProperty(IngestExchange.FILE, file);
        exchange.setProperty(Dimensions.FILE_NAME_PROPERTY, file.name());
        exchange.setProperty(Dimensions.BAD_ROWS_PROPERTY, file.badRows());
    }

    /**
     * The file as a stream of batches, for the streaming split (in quarantine mode, without the rows
     * that break a rule).
     */
    public Iterator<SensorLogBatch> batches(Exchange exchange) throws IOException {
        GroupFile file = IngestExchange.file(exchange);
        return SensorLogReader.open(file.path(), file.batchSize(settings.batchSize()), file.badRows());
    }

    /** After the last row: the ledger rows of the files the attempt reached, in one go. */
    public void recordLedger(Exchange exchange) throws IOException {
        FileGroup group = IngestExchange.group(exchange);
        group.loading(null);
        List<FileLedger.Outcome> outcomes = new ArrayList<>();
        for (GroupFile file : group.reached()) {
            outcomes.add(new FileLedger.Outcome(file.fingerprint(), file.claim(), file.rowsWritten(), file.rowsRejected()));
        }
        ledger.record(outcomes);
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
