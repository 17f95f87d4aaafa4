package com.datawow.datalog.ingest;

import org.apache.camel.Consumer;
import org.apache.camel.Exchange;
import org.apache.camel.Route;
import org.apache.camel.support.service.ServiceSupport;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.io.IOException;
import java.util.Optional;

/**
 * The drop-directory side of a group: taking the next one while the file route runs, and after its
 * last attempt, archiving what committed and unlocking the rest.
 */
public final class GroupIntake {

    private static final Logger LOG = LoggerFactory.getLogger(GroupIntake.class);

    private final GroupClaims claims;
    private final IngestStatistics statistics;
    private final Optional<RejectedRowsFile> rejectedRowsFile;

    /** @param rejectedRowsFile in quarantine mode, the list of a committed file's bad rows that goes into .done/ before it */
    public GroupIntake(GroupClaims claims, IngestStatistics statistics, Optional<RejectedRowsFile> rejectedRowsFile) {
        this.claims = claims;
        this.statistics = statistics;
        this.rejectedRowsFile = rejectedRowsFile;
    }

    /**
     * Claims the next group into the exchange; false when nothing waits, or when the file route is
     * being suspended or stopped (the group in flight finishes, no new one is taken).
     */
    public boolean claimedNext(Exchange exchange) {
        if (!intakeOpen(exchange)) {
            return false;
        }
        return claims.claimNext().map(group -> {
            statistics.taken();
            exchange.getMessage().setBody(group);
            exchange.setProperty(IngestExchange.GROUP, group);
            return true;
        }).orElse(false);
    }

    private static boolean intakeOpen(Exchange exchange) {
        Route route = exchange.getContext().getRoute(IngestRoutes.INGEST_FILES);
        if (route == null || exchange.getContext().isStopping()) {
            return false;
        }
        Consumer consumer = route.getConsumer();
        return !(consumer instanceof ServiceSupport service) || service.isRunAllowed() && !service.isSuspendingOrSuspended();
    }

    /** After the group's last transaction: committed files into .done/ (in quarantine mode, each after its list of bad rows). */
    public void archiveCommitted(Exchange exchange) throws IOException {
        for (GroupFile file : IngestExchange.group(exchange).files()) {
            if (file.outcome().filter(outcome -> outcome != FileOutcome.FAILED).isPresent()) {
                if (rejectedRowsFile.isPresent()) {
                    rejectedRowsFile.get().writeFor(file);
                }
                claims.dropDirectory().moveToDone(file.path());
                file.releaseArchivedLock();
            }
        }
    }

    /** Unlocks every file of the group, archived or not (a file left unsettled stays waiting for the next claim). */
    public void release(Exchange exchange) {
        FileGroup group = IngestExchange.group(exchange);
        if (group == null) {
            return;
        }
        group.files().forEach(GroupFile::releaseLock);
        if (!group.pending().isEmpty()) {
            LOG.debug("{} stay in the drop directory", group.describe());
        }
    }
}
