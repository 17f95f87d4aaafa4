package com.datawow.datalog.ingest;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.channels.FileChannel;
import java.nio.channels.FileLock;
import java.nio.channels.OverlappingFileLockException;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.Optional;

/**
 * Which loader works on which waiting file: an operating-system lock on a hidden lock file beside
 * it ({@code .NAME.lock}). The kernel drops the lock when its process dies, however it dies, so a
 * killed loader never leaves a file locked; within one JVM the JDK refuses a second lock on the
 * same file, which keeps two loaders in one process apart too. The data file is checked after
 * locking, because another loader may have archived it between the listing and the lock. A lock
 * file is deleted only once its data file has been archived: deleted earlier, a second loader could
 * lock a new lock file of the same name while a third still held the old one.
 */
final class FileLocks {

    private static final String PREFIX = ".";
    private static final String SUFFIX = ".lock";
    private static final Logger LOG = LoggerFactory.getLogger(FileLocks.class);

    /** A held lock on one waiting file: the lock lives as long as its channel is open. */
    record Lock(Path lockFile, FileChannel channel) {

        /** Releases the lock; the file stays waiting. Safe to call more than once. */
        void release() {
            closeQuietly(channel);
        }

        /** The file has been moved out of the drop directory: deletes the lock file, then releases the lock. */
        void releaseArchived() {
            if (!channel.isOpen()) {
                return;
            }
            try {
                Files.deleteIfExists(lockFile);
            } catch (IOException e) {
                LOG.warn("Cannot remove the lock file {}: {}", lockFile, e.getMessage());
            } finally {
                closeQuietly(channel);
            }
        }
    }

    /** The lock on {@code file}, if no other loader holds it and the file is still there. */
    Optional<Lock> tryLock(Path file) {
        Path lockFile = lockFileOf(file);
        FileChannel channel;
        try {
            channel = FileChannel.open(lockFile, StandardOpenOption.CREATE, StandardOpenOption.WRITE);
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot create the lock file " + lockFile, e);
        }
        try {
            FileLock lock = channel.tryLock();
            if (lock == null) {
                closeQuietly(channel);
                return Optional.empty();
            }
            Lock held = new Lock(lockFile, channel);
            if (!Files.exists(file)) {
                held.releaseArchived();
                return Optional.empty();
            }
            return Optional.of(held);
        } catch (OverlappingFileLockException heldInThisJvm) {
            closeQuietly(channel);
            return Optional.empty();
        } catch (IOException e) {
            closeQuietly(channel);
            throw new UncheckedIOException("Cannot lock " + lockFile, e);
        }
    }

    /** Deletes lock files whose data file is gone (left by a loader killed after archiving) and nobody holds. */
    void removeOrphans(Path directory) {
        if (!Files.isDirectory(directory)) {
            return;
        }
        try (DirectoryStream<Path> lockFiles = Files.newDirectoryStream(directory, PREFIX + "*" + SUFFIX)) {
            for (Path lockFile : lockFiles) {
                String name = lockFile.getFileName().toString();
                Path dataFile = directory.resolve(name.substring(PREFIX.length(), name.length() - SUFFIX.length()));
                if (!Files.exists(dataFile)) {
                    tryLockOrphan(lockFile).ifPresent(Lock::releaseArchived);
                }
            }
        } catch (IOException e) {
            LOG.warn("Cannot look for orphaned lock files in {}: {}", directory, e.getMessage());
        }
    }

    private static Optional<Lock> tryLockOrphan(Path lockFile) {
        FileChannel channel;
        try {
            channel = FileChannel.open(lockFile, StandardOpenOption.WRITE);
        } catch (IOException goneMeanwhile) {
            return Optional.empty();
        }
        try {
            FileLock lock = channel.tryLock();
            if (lock != null) {
                return Optional.of(new Lock(lockFile, channel));
            }
        } catch (OverlappingFileLockException | IOException heldElsewhere) {
            // another loader holds it
        }
        closeQuietly(channel);
        return Optional.empty();
    }

    static Path lockFileOf(Path file) {
        return file.resolveSibling(PREFIX + file.getFileName() + SUFFIX);
    }

    private static void closeQuietly(FileChannel channel) {
        try {
            channel.close();
        } catch (IOException ignored) {
            // nothing was written to a lock file
        }
    }
}
