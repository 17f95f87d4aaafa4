package com.datawow.datalog.ingest;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.DirectoryStream;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * The files rejected into {@code .error/} and their reasons, and putting one back for another
 * try: what the console's "retry" and the {@code retry} command do.
 * <p>
 * A retried file reappears in the drop directory under its own name in one step (a hard link,
 * which unlike a rename never replaces a file waiting there under that name), then leaves
 * {@code .error/} with its reason file: the ledger keeps the failed row, with kind and message,
 * and a new failure writes a new reason. A crash between the two steps leaves a copy in
 * {@code .error/} too; retrying that copy later finds its content loaded and counts a duplicate.
 */
public final class FailedFiles {

    private static final Logger LOG = LoggerFactory.getLogger(FailedFiles.class);

    private final DropDirectory dropDirectory;

    public FailedFiles(DropDirectory dropDirectory) {
        this.dropDirectory = dropDirectory;
    }

    /** What became of a retry. */
    public enum Retry {
        /** The file is back in the drop directory. */
        RETRIED,
        /** No failed file has that name. */
        NOT_FAILED,
        /** A file of that name is waiting in the drop directory already: nothing moved. */
        NAME_TAKEN
    }

    /** Every failed file, by name. */
    public List<FailedFile> list() {
        List<FailedFile> files = new ArrayList<>();
        for (Path path : failedPaths()) {
            files.add(new FailedFile(path.getFileName().toString(), reasonOf(path.getFileName().toString())));
        }
        return files;
    }

    /** The failed file of that name, if there is one. */
    public Optional<FailedFile> find(String name) {
        return isFileName(name) && Files.isRegularFile(dropDirectory.error().resolve(name))
                ? Optional.of(new FailedFile(name, reasonOf(name)))
                : Optional.empty();
    }

    /** Puts the failed file {@code name} back into the drop directory (see the class comment). */
    public Retry retry(String name) throws IOException {
        if (find(name).isEmpty()) {
            return Retry.NOT_FAILED;
        }
        Path failed = dropDirectory.error().resolve(name);
        try {
            Files.createLink(dropDirectory.root().resolve(name), failed);
        } catch (FileAlreadyExistsException e) {
            return Retry.NAME_TAKEN;
        } catch (NoSuchFileException e) {
            return Retry.NOT_FAILED; // retried by someone else just now
        }
        Files.deleteIfExists(failed);
        Files.deleteIfExists(reasonPath(name));
        LOG.info("Retrying '{}': back in the drop directory from {}/", name, DropDirectory.ERROR);
        return Retry.RETRIED;
    }

    private List<Path> failedPaths() {
        Path error = dropDirectory.error();
        if (!Files.isDirectory(error)) {
            return List.of();
        }
        List<Path> paths = new ArrayList<>();
        try (DirectoryStream<Path> entries = Files.newDirectoryStream(error,
                path -> isFileName(path.getFileName().toString()) && Files.isRegularFile(path))) {
            entries.forEach(paths::add);
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot list " + error.toAbsolutePath(), e);
        }
        paths.sort(null);
        return paths;
    }

    private Optional<RejectionReason> reasonOf(String name) {
        try {
            return Optional.of(RejectionReason.parse(Files.readString(reasonPath(name), StandardCharsets.UTF_8)));
        } catch (IOException | IllegalArgumentException e) {
            LOG.debug("No readable reason for '{}': {}", name, e.toString());
            return Optional.empty();
        }
    }

    private Path reasonPath(String name) {
        return dropDirectory.reasonFile(name);
    }

    /**
     * A name the file route could have taken, and no path: names come from people and HTTP
     * requests, so this also keeps a retry from reaching outside {@code .error/}.
     */
    private static boolean isFileName(String name) {
        return name != null && DropDirectory.isLoadableName(name) && !name.contains("/") && !name.contains("\0");
    }
}
