package com.datawow.datalog.ingest;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.Optional;
import java.util.OptionalLong;

import static org.assertj.core.api.Assertions.assertThat;

/** The failed files of a real drop directory: listed with their reasons, and put back for another try. */
class FailedFilesTest {

    private static final String BROKEN = "2023-01-01 00:05:00.parquet";
    private static final String NO_REASON = "2023-01-01 00:06:00.parquet";

    @TempDir
    Path root;
    private DropDirectory dropDirectory;
    private FailedFiles failedFiles;

    @BeforeEach
    void aDropDirectoryWithTwoFailedFilesOneWithoutItsReason() throws IOException {
        dropDirectory = new DropDirectory(root).create();
        Files.createDirectories(dropDirectory.error());
        Files.writeString(dropDirectory.error().resolve(BROKEN), "broken bytes");
        Files.writeString(dropDirectory.error().resolve(BROKEN + DropDirectory.REASON_SUFFIX), reason(BROKEN).text());
        Files.writeString(dropDirectory.error().resolve(NO_REASON), "more broken bytes");
        Files.writeString(dropDirectory.error().resolve("." + NO_REASON + DropDirectory.REASON_SUFFIX + ".tmp"), "half a reason");
        failedFiles = new FailedFiles(dropDirectory);
    }

    @Test
    void theFailedFilesAreListedByNameWithTheReasonWrittenBesideThem() {
        assertThat(failedFiles.list()).containsExactly(
                new FailedFile(BROKEN, Optional.of(reason(BROKEN))),
                new FailedFile(NO_REASON, Optional.empty()));
    }

    @Test
    void aRetriedFileIsBackInTheDropDirectoryWithItsBytesAndItsReasonIsGone() throws IOException {
        assertThat(failedFiles.retry(BROKEN)).isEqualTo(FailedFiles.Retry.RETRIED);

        assertThat(Files.readString(root.resolve(BROKEN))).isEqualTo("broken bytes");
        assertThat(dropDirectory.waitingFiles()).isEqualTo(1);
        assertThat(dropDirectory.error().resolve(BROKEN)).doesNotExist();
        assertThat(dropDirectory.error().resolve(BROKEN + DropDirectory.REASON_SUFFIX)).doesNotExist();
        assertThat(failedFiles.list()).extracting(FailedFile::name).containsExactly(NO_REASON);
    }

    @Test
    void aFileWaitingUnderTheSameNameIsNeverReplaced() throws IOException {
        Files.writeString(root.resolve(BROKEN), "a new file, just dropped");

        assertThat(failedFiles.retry(BROKEN)).isEqualTo(FailedFiles.Retry.NAME_TAKEN);

        assertThat(Files.readString(root.resolve(BROKEN))).isEqualTo("a new file, just dropped");
        assertThat(Files.readString(dropDirectory.error().resolve(BROKEN))).isEqualTo("broken bytes");
        assertThat(dropDirectory.error().resolve(BROKEN + DropDirectory.REASON_SUFFIX)).exists();
    }

    @Test
    void onlyAFailedFileCanBeRetriedAndNothingOutsideErrorIsReached() throws IOException {
        Files.writeString(root.resolve("secret.parquet"), "not failed");
        Files.createDirectories(dropDirectory.done());
        Files.writeString(dropDirectory.done().resolve("loaded.parquet"), "loaded");

        for (String name : new String[]{"2023-01-01 09:00:00.parquet", "../secret.parquet", "../.done/loaded.parquet",
                BROKEN + DropDirectory.REASON_SUFFIX, "." + NO_REASON + DropDirectory.REASON_SUFFIX + ".tmp", "", "/etc/passwd"}) {
            assertThat(failedFiles.retry(name)).as(name).isEqualTo(FailedFiles.Retry.NOT_FAILED);
        }
        assertThat(dropDirectory.done().resolve("loaded.parquet")).exists();
        assertThat(failedFiles.list()).hasSize(2);
    }

    private static RejectionReason reason(String name) {
        return new RejectionReason(name, Instant.parse("2026-12-01T10:00:00Z"), "unreadable", OptionalLong.empty(),
                name + ": not a Parquet file (no PAR1 magic)", 12, "c0ffee");
    }
}
