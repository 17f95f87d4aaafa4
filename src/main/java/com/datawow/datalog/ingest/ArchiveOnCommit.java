package com.datawow.datalog.ingest;

import org.apache.camel.CamelContext;
import org.apache.camel.LoggingLevel;
import org.apache.camel.component.file.GenericFile;
import org.apache.camel.component.file.GenericFileOperationFailedException;
import org.apache.camel.component.file.GenericFileOperations;
import org.apache.camel.component.file.strategy.FileChangedExclusiveReadLockStrategy;
import org.apache.camel.component.file.strategy.GenericFileExpressionRenamer;
import org.apache.camel.component.file.strategy.GenericFileRenameProcessStrategy;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.io.File;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;

/**
 * How the drop directory's files are locked and archived. The read lock is Camel's "changed"
 * lock (a file is taken once it has stopped growing). The move after the commit, to the
 * destination the route chose ({@code .done/} or {@code .error/}), is one atomic rename: Camel's
 * own move deletes the target before renaming, so a second loader that handled the same file
 * (two daemons on one directory) would delete the copy the first one had just archived.
 * rename(2) replaces an existing target in one step, and does nothing when the file is gone.
 */
final class ArchiveOnCommit extends GenericFileRenameProcessStrategy<File> {

    private static final Logger LOG = LoggerFactory.getLogger(ArchiveOnCommit.class);

    ArchiveOnCommit(CamelContext context, IngestSettings settings) {
        FileChangedExclusiveReadLockStrategy readLock = new FileChangedExclusiveReadLockStrategy();
        readLock.setMinAge(settings.readLockMinAge().toMillis());
        readLock.setMinLength(0);                      // zero bytes is bad input, not "still being written"
        readLock.setCheckInterval(Math.max(100, settings.readLockMinAge().toMillis() / 2));
        readLock.setTimeout(Math.max(2_000, settings.readLockMinAge().toMillis() * 4));
        readLock.setReadLockLoggingLevel(LoggingLevel.DEBUG);
        readLock.setMarkerFiler(true);
        readLock.setDeleteOrphanLockFiles(true);       // markers left by a killed loader
        setExclusiveReadLockStrategy(readLock);
        setCommitRenamer(new GenericFileExpressionRenamer<>(context.resolveLanguage("file")
                .createExpression("${exchangeProperty." + IngestExchange.DESTINATION + "}/${file:name}")));
    }

    @Override
    protected GenericFile<File> renameFile(GenericFileOperations<File> operations, GenericFile<File> from, GenericFile<File> to) {
        Path source = Path.of(from.getAbsoluteFilePath());
        Path target = Path.of(to.getAbsoluteFilePath());
        try {
            Files.createDirectories(target.getParent());
            Files.move(source, target, StandardCopyOption.ATOMIC_MOVE);
        } catch (NoSuchFileException alreadyArchived) {
            LOG.info("'{}' was archived by another loader already", source.getFileName());
        } catch (IOException e) {
            throw new GenericFileOperationFailedException("Cannot move " + source + " to " + target + ": " + e.getMessage(), e);
        }
        return to;
    }
}
