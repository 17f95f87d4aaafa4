package com.datawow.datalog.ingest;

import com.datawow.datalog.ingest.IngestExchange;
import com.datawow.datalog.ingest.RejectedFiles;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.Path;

/** The drop directory's layout: waiting files, {@code .done/} and {@code .error/}. */
public final class DropDirectory {

    private final Path root;

    public DropDirectory(Path root) {
        this.root = root;
    }

    public Path root() {
        return root;
    }

    public Path done() {
        return root.resolve(IngestExchange.DONE_DIR);
    }

    public Path error() {
        return root.resolve(RejectedFiles.ERROR_DIR);
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

    /** Files waiting to be loaded: the names the file route takes (visible {@code *.parquet}). */
    public long waitingFiles() {
        if (!Files.isDirectory(root)) {
            return 0;
        }
        long count = 0;
        try (DirectoryStream<Path> entries = Files.newDirectoryStream(root, DropDirectory::isWaiting)) {
            for (Path ignored : entries) {
                count++;
            }
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot list the drop directory " + root.toAbsolutePath(), e);
        }
        return count;
    }

    static boolean isWaiting(Path path) {
        return isLoadableName(path.getFileName().toString()) && Files.isRegularFile(path);
    }

    /** A name the file route takes: visible, {@code *.parquet}. */
    static boolean isLoadableName(String name) {
        return !name.startsWith(".") && name.endsWith(".parquet");
    }
}
