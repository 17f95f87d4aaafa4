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
        List<GroupFile> files = new ArrayList<>();
        Optional<LocalDate> newDay = Optional.empty();
        long rows = 0;
        for (Path path : dropDirectory.quietFilesOldestFirst(settings.readLockMinAge(), clock.instant())) {
            Optional<GroupFile> claimed = lock(path);
            if (claimed.isEmpty()) {
                continue;
            }
            GroupFile file = claimed.get();
            if (files.isEmpty()) {
                files.add(file);
                rows = file.expectedRows();
                if (!file.canShareAGroup(settings.batchSize())) {
                    break;
                }
                newDay = file.day().filter(isNewDay);
                continue;
            }
            boolean fits = file.canShareAGroup(settings.batchSize()) && (newDay.isPresent()
                    ? newDay.equals(file.day())
                    : files.size() < settings.groupBounds().maxFiles() && rows + file.expectedRows() <= settings.groupBounds().maxRows()
                      && file.day().filter(isNewDay).isEmpty());
            if (!fits) {
                file.releaseLock();
                break;
            }
            files.add(file);
            rows += file.expectedRows();
        }
        return files.isEmpty() ? Optional.empty() : Optional.of(new FileGroup(files, newDay, settings.groupBounds().maxTime()));
    }

    private Optional<GroupFile> lock(Path path) {
        Optional<FileLocks.Lock> lock = locks.tryLock(path);
        if (lock.isEmpty()) {
            return Optional.empty();
        }
        try {
            return Optional.of(new GroupFile(path, Optional.of(SensorLogReader.inspect(path)), lock.get()));
        } catch (NoSuchFileException archivedMeanwhile) {
            lock.get().release();
            return Optional.empty();
        } catch (BadInputException | IOException | UncheckedIOException unreadable) {
            // a group of its own: loading it reports why it cannot be read
            return Optional.of(new GroupFile(path, Optional.<SensorLogFooter>empty(), lock.get()));
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
