package com.datawow.datalog.ingest;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.attribute.BasicFileAttributes;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

/**
 * The drop directory's layout, in one place: waiting files ({@code *.parquet}, visible names), and
 * beside them {@code .done/} (committed or recognised content; in quarantine mode with
 * {@code NAME.rejected.csv} beside a file that had bad rows) and {@code .error/} (rejected files,
 * each with {@code NAME.error.txt}). Hidden names ({@code .x}) and temporary ones are never read.
 */
public final class DropDirectory {

    public static final String DONE = ".done";
    public static final String ERROR = ".error";
    public static final String REASON_SUFFIX = ".error.txt";
    public static final String REJECTED_ROWS_SUFFIX = ".rejected.csv";
    private static final String WAITING_SUFFIX = ".parquet";
    private static final Logger LOG = LoggerFactory.getLogger(DropDirectory.class);

    private final Path root;

    public DropDirectory(Path root) {
        this.root = root;
    }

    public Path root() {
        return root;
    }

    public Path done() {
        return root.resolve(DONE);
    }

    public Path error() {
        return root.resolve(ERROR);
    }

    /** Where the reason for rejecting the file of that name is written. */
    public Path reasonFile(String fileName) {
        return error().resolve(fileName + REASON_SUFFIX);
    }

    /** Where the list of the rows quarantine set aside of the file of that name goes, beside it in {@code .done/}. */
    public Path rejectedRowsFile(String fileName) {
        return done().resolve(fileName + REJECTED_ROWS_SUFFIX);
    }

    /** Creates the directory if needed. */
    public DropDirectory create() {
        try {
            Files.createDirectories(root);
            return this;
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot create the drop directory " + root.toAbsolutePath(), e);
        }
    }

    /** Files waiting to be loaded (in flight included): visible {@code *.parquet} files. */
    public long waitingFiles() {
        return waitingNames().size();
    }

    /**
     * The waiting files, oldest name first (the files of a minute are named by it), that nobody has
     * written for at least {@code quietFor}: a file still being written keeps moving its
     * modification time, and is taken once it has been still that long.
     */
    public List<Path> quietFilesOldestFirst(Duration quietFor, Instant now) {
        Instant writtenBefore = now.minus(quietFor);
        List<Path> quiet = new ArrayList<>();
        for (String name : waitingNames().stream().sorted().toList()) {
            Path file = root.resolve(name);
            try {
                BasicFileAttributes attributes = Files.readAttributes(file, BasicFileAttributes.class);
                if (attributes.isRegularFile() && !attributes.lastModifiedTime().toInstant().isAfter(writtenBefore)) {
                    quiet.add(file);
                }
            } catch (IOException gone) {
                // taken by another loader between the listing and now
            }
        }
        return quiet;
    }

    /** Moves a committed file into {@code .done/}. */
    public void moveToDone(Path file) throws IOException {
        moveInto(done(), file);
    }

    /** Moves a rejected file into {@code .error/} (its reason is written there first). */
    public void moveToError(Path file) throws IOException {
        moveInto(error(), file);
    }

    /**
     * One atomic rename(2), which replaces a file of the same name already there in one step and
     * does nothing when the file is gone: with two loaders on one directory, the second to finish
     * a file must neither fail nor delete the copy the first archived.
     */
    private void moveInto(Path directory, Path file) throws IOException {
        Files.createDirectories(directory);
        try {
            Files.move(file, directory.resolve(file.getFileName()), StandardCopyOption.ATOMIC_MOVE);
        } catch (NoSuchFileException alreadyMoved) {
            LOG.info("'{}' was archived by another loader already", file.getFileName());
        }
    }

    private List<String> waitingNames() {
        List<String> names = new ArrayList<>();
        if (!Files.isDirectory(root)) {
            return names;
        }
        try (DirectoryStream<Path> entries = Files.newDirectoryStream(root)) {
            for (Path entry : entries) {
                String name = entry.getFileName().toString();
                if (isLoadableName(name)) {
                    names.add(name);
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot list the drop directory " + root.toAbsolutePath(), e);
        }
        return names;
    }

    /** A name the file route takes: visible, {@code *.parquet}. */
    static boolean isLoadableName(String name) {
        return !name.startsWith(".") && name.endsWith(WAITING_SUFFIX);
    }
}
