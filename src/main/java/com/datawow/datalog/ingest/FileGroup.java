package com.datawow.datalog.ingest;

import com.datawow.datalog.dimension.ResolvedBatch;
import com.datawow.datalog.ledger.LedgerClaim;
import com.datawow.datalog.partition.DatalogTable;
import com.datawow.datalog.write.DatalogCopy;

import java.sql.SQLException;
import java.time.Duration;
import java.time.LocalDate;
import java.util.Iterator;
import java.util.List;
import java.util.NoSuchElementException;
import java.util.Optional;

/**
 * Files loaded together, in one transaction per attempt, oldest first. A group is either the
 * waiting files of one day that has no partition yet (built aside and attached), or a run of
 * files bounded by count, rows and time that go straight into datalog. Each file stays
 * all-or-nothing: a failed attempt rolls back the whole group, and the next attempt leaves out
 * whatever the failure settled (a rejected file). Used by one thread at a time.
 */
public final class FileGroup {

    private final List<GroupFile> files;
    private final Duration timeLimit;
    private Optional<LocalDate> newDay;
    private DatalogTable target = DatalogTable.DATALOG;
    private GroupFile current;
    private DatalogCopy<BatchSource> copy;
    private long attemptStarted;
    private int failedAttempts;
    private boolean oneFileAtATime;
    private boolean abandoned;

    /**
     * @param newDay    the day all files belong to, when that day has no partition yet
     * @param timeLimit how long a transaction into datalog keeps taking more files of the group
     */
    FileGroup(List<GroupFile> files, Optional<LocalDate> newDay, Duration timeLimit) {
        if (files.isEmpty()) {
            throw new IllegalArgumentException("a group has at least one file");
        }
        this.files = List.copyOf(files);
        this.newDay = newDay;
        this.timeLimit = timeLimit;
    }

    public List<GroupFile> files() {
        return files;
    }

    /** The day to build aside, if this group is a new day's. */
    public Optional<LocalDate> newDay() {
        return newDay;
    }

    /** The data did not bear out the day the footers promised: load into datalog instead. */
    public void forgetNewDay() {
        newDay = Optional.empty();
    }

    public DatalogTable target() {
        return target;
    }

    /** Starts an attempt: nothing of a rolled-back one counts. */
    void beginAttempt(DatalogTable table) {
        target = table;
        current = null;
        copy = null;
        attemptStarted = System.nanoTime();
        pending().forEach(GroupFile::resetAttempt);
    }

    /** What the ledger planned for the pending files, in their order; duplicates have nothing to load and are reached at once. */
    void planned(List<LedgerClaim> claims) {
        List<GroupFile> pending = pending();
        for (int i = 0; i < pending.size(); i++) {
            pending.get(i).claimed(claims.get(i));
            if (!pending.get(i).isToLoad()) {
                pending.get(i).reached();
            }
        }
    }

    /** Appends a batch to the attempt's COPY, which {@code open} opens at the first batch. */
    void copy(CopyOpener open, ResolvedBatch batch, int fileId, BatchSource source) throws CopyFailure {
        DatalogCopy<BatchSource> into = null;
        try {
            if (copy == null) {
                copy = open.open(target);
            }
            into = copy;
            into.append(batch, fileId, source);
        } catch (SQLException e) {
            copy = null;
            if (into != null) {
                into.cancel();
            }
            throw new CopyFailure(into, e);
        }
    }

    /** Ends the attempt's COPY, if one is open (before any other statement of the transaction). */
    void endCopy() throws CopyFailure {
        if (copy != null) {
            DatalogCopy<BatchSource> ending = copy;
            copy = null;
            try {
                ending.end();
            } catch (SQLException e) {
                ending.cancel();
                throw new CopyFailure(ending, e);
            }
        }
    }

    /** Cancels the attempt's COPY, if one is open; its transaction is failing anyway. */
    void cancelCopy() {
        if (copy != null) {
            copy.cancel();
            copy = null;
        }
    }

    /** Opens the COPY of an attempt into its table. */
    interface CopyOpener {
        DatalogCopy<BatchSource> open(DatalogTable table) throws SQLException;
    }

    /** What a batch in the COPY came from: the file, and the batch's first row in it. */
    record BatchSource(GroupFile file, long firstRow) {
    }

    /** The COPY failed; it knows which batch a refused row came from. */
    static final class CopyFailure extends SQLException {
        private final transient DatalogCopy<BatchSource> copy;

        CopyFailure(DatalogCopy<BatchSource> copy, SQLException cause) {
            super(cause.getMessage(), cause.getSQLState(), cause);
            this.copy = copy;
        }

        Optional<BatchSource> source() {
            return copy == null ? Optional.empty() : copy.sourceOf((SQLException) getCause());
        }
    }

    /**
     * The files this attempt loads: those with new content not settled yet, in order; one only after
     * repeated unexplained failures; and into datalog, no more once the time limit has passed (the
     * rest come in the next transaction). A new day's files all come: they attach together.
     */
    public Iterator<GroupFile> filesToLoad() {
        Iterator<GroupFile> pending = pending().stream().filter(GroupFile::isToLoad).iterator();
        return new Iterator<>() {
            private int taken;

            @Override
            public boolean hasNext() {
                boolean withinLimits = taken == 0 || !oneFileAtATime && (target.isNewDay() || !timeIsUp());
                return withinLimits && pending.hasNext();
            }

            @Override
            public GroupFile next() {
                if (!hasNext()) {
                    throw new NoSuchElementException();
                }
                taken++;
                return pending.next();
            }
        };
    }

    private boolean timeIsUp() {
        return System.nanoTime() - attemptStarted > timeLimit.toNanos();
    }

    /** The attempt starts loading this file (null: no file, e.g. at the attempt's end). */
    void loading(GroupFile file) {
        current = file;
    }

    /** The file the attempt was loading when it failed, if it was loading one. */
    public Optional<GroupFile> current() {
        return Optional.ofNullable(current);
    }

    /** The files this attempt reached (their ledger rows are written at its end). */
    List<GroupFile> reached() {
        return files.stream().filter(f -> !f.isSettled() && f.isReached()).toList();
    }

    /** The attempt committed: the files it reached are settled; returns them. */
    List<GroupFile> committed() {
        List<GroupFile> reached = reached();
        reached.forEach(GroupFile::committed);
        failedAttempts = 0;
        return reached;
    }

    /** Counts a failed attempt; returns how many have failed since the group last made progress. */
    int attemptFailed() {
        return ++failedAttempts;
    }

    /** A file was rejected: the others start over, with their own count of attempts. */
    void reject(GroupFile file, Throwable reason) {
        file.rejected(reason);
        failedAttempts = 0;
    }

    /** After failures nothing explains: load one file per transaction, so that a culprit fails alone. */
    void loadOneFileAtATime() {
        oneFileAtATime = true;
        failedAttempts = 0;
    }

    /** The loader is stopping: the files not settled stay in the drop directory. */
    void abandon() {
        abandoned = true;
    }

    /** Whether another attempt is wanted: some file is not settled and the loader is not stopping. */
    public boolean attemptWanted() {
        return !abandoned && !pending().isEmpty();
    }

    /** How many files the next attempt takes at most (one, once the group narrowed down). */
    int filesPerAttempt() {
        return oneFileAtATime ? Math.min(1, pending().size()) : pending().size();
    }

    public List<GroupFile> pending() {
        return files.stream().filter(f -> !f.isSettled()).toList();
    }

    public List<GroupFile> settledAs(FileOutcome outcome) {
        return files.stream().filter(f -> f.outcome().filter(outcome::equals).isPresent()).toList();
    }

    /** "'first.parquet' and 49 more", for log lines. */
    public String describe() {
        List<GroupFile> left = pending().isEmpty() ? files : oneFileAtATime ? pending().subList(0, 1) : pending();
        if (left.isEmpty()) {
            return "an empty group";
        }
        return "'" + left.getFirst().name() + "'" + (left.size() > 1 ? " and " + (left.size() - 1) + " more" : "");
    }
}
