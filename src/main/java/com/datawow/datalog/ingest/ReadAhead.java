package com.datawow.datalog.ingest;

import com.datawow.datalog.parquet.SensorLogBatch;

import java.io.IOException;
import java.io.InterruptedIOException;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.FutureTask;

/**
 * The next file of an attempt, read while the current one is resolved and copied: otherwise the
 * attempt's thread waits for each file's pages to be decoded while PostgreSQL waits for rows. Only
 * a file of one batch is read ahead (every file of a group of several is), so at most one extra
 * batch is held. A failure of the read ahead surfaces when the file's turn comes, as if it had been
 * read then, and is blamed on that file. One per attempt, used by the attempt's thread;
 * {@link #finish} waits for a read in flight, so nothing of it outlives the attempt (a file's
 * quarantine is reset only after).
 */
final class ReadAhead {

    /** Opens a file's batches (the reader of the current attempt's settings). */
    interface FileReader {
        Iterator<SensorLogBatch> open(GroupFile file) throws IOException;
    }

    private final FileReader reader;
    private GroupFile aheadFile;
    private FutureTask<List<SensorLogBatch>> aheadRead;

    ReadAhead(FileReader reader) {
        this.reader = reader;
    }

    /** The file's batches: those read ahead if it is the file read ahead, or else its reader, opened now. */
    Iterator<SensorLogBatch> batchesOf(GroupFile file) throws IOException {
        if (file != aheadFile) {
            finish();
            return reader.open(file);
        }
        FutureTask<List<SensorLogBatch>> read = aheadRead;
        aheadFile = null;
        aheadRead = null;
        return outcomeOf(read).iterator();
    }

    /** Starts reading {@code next} on a virtual thread, if it is one batch; a read still in flight is finished first. */
    void readAhead(GroupFile next, int batchSize) {
        finish();
        if (!next.canShareAGroup(batchSize)) {
            return;
        }
        aheadFile = next;
        aheadRead = new FutureTask<>(() -> readWhole(next));
        Thread.ofVirtual().name("read-ahead " + next.name()).start(aheadRead);
    }

    /** Waits for a read in flight and forgets it (the attempt ends, or took another path). */
    void finish() {
        if (aheadRead != null) {
            try {
                aheadRead.get();
            } catch (ExecutionException | RuntimeException unused) {
                // its file was not reached in this attempt: a later attempt reads it again
            } catch (InterruptedException interrupted) {
                Thread.currentThread().interrupt();
            }
            aheadFile = null;
            aheadRead = null;
        }
    }

    private List<SensorLogBatch> readWhole(GroupFile file) throws IOException {
        List<SensorLogBatch> batches = new ArrayList<>(1);
        reader.open(file).forEachRemaining(batches::add);
        return batches;
    }

    /** The read's batches, or its failure as the reader would have thrown it. */
    private static List<SensorLogBatch> outcomeOf(FutureTask<List<SensorLogBatch>> read) throws IOException {
        try {
            return read.get();
        } catch (InterruptedException interrupted) {
            Thread.currentThread().interrupt();
            throw new InterruptedIOException("interrupted while waiting for a file read ahead");
        } catch (ExecutionException failed) {
            switch (failed.getCause()) {
                case IOException io -> throw io;
                case RuntimeException runtime -> throw runtime;
                case Error error -> throw error;
                default -> throw new IllegalStateException(failed.getCause());
            }
        }
    }
}
