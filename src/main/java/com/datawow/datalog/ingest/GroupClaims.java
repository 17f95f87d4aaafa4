package com.datawow.datalog.ingest;

import com.datawow.datalog.failure.BadInputException;
import com.datawow.datalog.parquet.SensorLogFooter;
import com.datawow.datalog.parquet.SensorLogReader;
import com.datawow.datalog.partition.DayPartitions;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.dao.DataAccessException;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.time.Clock;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.function.Predicate;

/**
 * Forms the next group from the waiting files, oldest first, and locks its files. The first file
 * decides the kind of group: if its rows all belong to a day that has no partition yet, the group
 * is every waiting file of that day (built aside, attached once); otherwise it is the files that
 * follow, up to the bounds, stopping before a file that begins a new day. A file whose footer
 * cannot be read, or whose rows need several batches, is a group of its own. One claimer at a time
 * in a loader; other loaders are kept apart by the file locks.
 */
public final class GroupClaims {

    private static final Logger LOG = LoggerFactory.getLogger(GroupClaims.class);
    /** Files locked and inspected at once; those past the group's end are released again. */
    private static final int CLAIM_CHUNK = 64;

    private final DropDirectory dropDirectory;
    private final FileLocks locks;
    private final DayPartitions partitions;
    private final IngestSettings settings;
    private final Clock clock;

    public GroupClaims(DropDirectory dropDirectory, DayPartitions partitions, IngestSettings settings, Clock clock) {
        this.dropDirectory = dropDirectory;
        this.locks = new FileLocks();
        this.partitions = partitions;
        this.settings = settings;
        this.clock = clock;
    }

    public DropDirectory dropDirectory() {
        return dropDirectory;
    }

    /** Removes lock files that killed loaders left behind (their files are archived). */
    public void removeOrphanedLocks() {
        locks.removeOrphans(dropDirectory.root());
    }

    public synchronized Optional<FileGroup> claimNext() {
        Predicate<LocalDate> isNewDay = newDays();
        List<Path> waiting = dropDirectory.quietFilesOldestFirst(settings.readLockMinAge(), clock.instant());
        GroupForming forming = new GroupForming(isNewDay);
        for (int from = 0; from < waiting.size() && !forming.isComplete(); from += CLAIM_CHUNK) {
            List<Path> chunk = waiting.subList(from, Math.min(from + CLAIM_CHUNK, waiting.size()));
            List<FileLocks.Lock> locked = new ArrayList<>();
            try {
                for (Path path : chunk) {
                    locks.tryLock(path).ifPresent(locked::add);
                }
            } catch (RuntimeException cannotLock) {
                locked.forEach(FileLocks.Lock::release);
                forming.releaseAll();
                throw cannotLock;
            }
            // footers are read on all cores: a day's group has hundreds of files
            locked.parallelStream().map(this::inspect).toList().forEach(claimed -> claimed.ifPresent(forming::offer));
        }
        return forming.group();
    }

    /** The group being formed, file by file in the drop directory's order; a file that does not fit is released. */
    private final class GroupForming {
        private final Predicate<LocalDate> isNewDay;
        private final List<GroupFile> files = new ArrayList<>();
        private Optional<LocalDate> newDay = Optional.empty();
        private long rows;
        private boolean complete;

        GroupForming(Predicate<LocalDate> isNewDay) {
            this.isNewDay = isNewDay;
        }

        void offer(GroupFile file) {
            if (complete) {
                file.releaseLock();
            } else if (files.isEmpty()) {
                take(file);
                // a file of several batches is a group of its own, into datalog: it cannot be checked whole before its rows are written
                complete = !file.canShareAGroup(settings.batchSize());
                newDay = complete ? Optional.empty() : file.day().filter(isNewDay);
            } else if (fits(file)) {
                take(file);
            } else {
                file.releaseLock();
                complete = true;
            }
        }

        private boolean fits(GroupFile file) {
            if (!file.canShareAGroup(settings.batchSize())) {
                return false;
            }
            return newDay.isPresent()
                    ? newDay.equals(file.day())
                    : files.size() < settings.groupBounds().maxFiles() && rows + file.expectedRows() <= settings.groupBounds().maxRows()
                      && file.day().filter(isNewDay).isEmpty();
        }

        private void take(GroupFile file) {
            files.add(file);
            rows += file.expectedRows();
        }

        boolean isComplete() {
            return complete;
        }

        void releaseAll() {
            files.forEach(GroupFile::releaseLock);
            files.clear();
        }

        Optional<FileGroup> group() {
            return files.isEmpty() ? Optional.empty() : Optional.of(new FileGroup(files, newDay, settings.groupBounds().maxTime()));
        }
    }

    /** The locked file with its footer; empty (and unlocked) if it was archived meanwhile. */
    private Optional<GroupFile> inspect(FileLocks.Lock lock) {
        Path path = lock.file();
        try {
            return Optional.of(new GroupFile(path, Optional.of(SensorLogReader.inspect(path)), lock));
        } catch (NoSuchFileException archivedMeanwhile) {
            lock.release();
            return Optional.empty();
        } catch (BadInputException | IOException | UncheckedIOException unreadable) {
            // a group of its own: loading it reports why it cannot be read
            return Optional.of(new GroupFile(path, Optional.<SensorLogFooter>empty(), lock));
        }
    }

    /**
     * Which days have no partition yet, asked once per claim. When the database does not answer
     * no day counts as new: the group goes into datalog, and its load meets the outage.
     */
    private Predicate<LocalDate> newDays() {
        try {
            if (!partitions.isPartitioned()) {
                return day -> false;
            }
            List<DayPartitions.Partition> existing = partitions.partitions();
            return day -> existing.stream().noneMatch(partition -> partition.covers(day));
        } catch (DataAccessException unavailable) {
            LOG.debug("Partitions unknown ({}); grouping without new days", unavailable.getMessage());
            return day -> false;
        }
    }
}
