package com.datawow.datalog.ingest;

import com.datawow.datalog.dimension.ResolvedBatch;
import com.datawow.datalog.failure.FailureClassifier;
import com.datawow.datalog.failure.FailureKind;
import com.datawow.datalog.write.CopyDatalogWriter;

/**
 * The COPY of a group's attempt: its batches go into one COPY ({@link com.datawow.datalog.write.DatalogCopy}),
 * which ends before any other statement of the transaction. A row PostgreSQL refuses may show a few
 * batches later, or only at the end: the failure is traced back to its file, which is then the one
 * to blame (reject-file mode), or whose batch is searched in the next attempt (quarantine mode).
 */
public final class GroupCopy {

    private final CopyDatalogWriter writer;
    private final FailureClassifier classifier;

    public GroupCopy(CopyDatalogWriter writer, FailureClassifier classifier) {
        this.writer = writer;
        this.classifier = classifier;
    }

    void append(FileGroup group, GroupFile file, ResolvedBatch batch) throws Exception {
        try {
            group.copy(writer::open, batch, file.fileId(), new FileGroup.BatchSource(file, batch.firstRow()));
        } catch (FileGroup.CopyFailure failure) {
            throw traced(group, failure);
        }
    }

    void end(FileGroup group) throws Exception {
        try {
            group.endCopy();
        } catch (FileGroup.CopyFailure failure) {
            throw traced(group, failure);
        }
    }

    private Exception traced(FileGroup group, FileGroup.CopyFailure failure) {
        return failure.source().map(source -> {
            group.loading(source.file());
            boolean refused = classifier.classify(failure) == FailureKind.BAD_INPUT;
            return refused && source.file().quarantine().isPresent()
                    ? RowQuarantine.afterRefusal(source.file(), source.firstRow(), failure)
                    : (Exception) failure;
        }).orElse(failure);
    }
}
