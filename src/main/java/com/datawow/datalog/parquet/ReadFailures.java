package com.datawow.datalog.parquet;

import com.datawow.datalog.failure.BadInputException;
import com.datawow.datalog.failure.Causes;
import com.datawow.datalog.failure.UnreadableFileException;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.FileSystemException;

/**
 * Sorts what goes wrong while reading a file into bad input and everything else.
 *
 * <p>A {@link FileSystemException} anywhere in the cause chain (the file vanished, no permission,
 * a directory) is about the file system, not the content: retrying may help, so it stays an I/O
 * error and the file is not dead-lettered. Any other failure while decoding is the content's
 * fault (Hardwood reports a bad magic number, a truncated file, a corrupt footer or page and an
 * unknown codec as {@link IOException}s or runtime exceptions) and becomes an
 * {@link UnreadableFileException} naming the file.
 */
final class ReadFailures {

    private ReadFailures() {
    }

    static RuntimeException translate(String fileName, Throwable failure) {
        if (failure instanceof BadInputException badInput) {
            return badInput;
        }
        FileSystemException fileSystem = fileSystemCause(failure);
        if (fileSystem != null) {
            return new UncheckedIOException(fileSystem);
        }
        return new UnreadableFileException(fileName, reason(fileName, failure), failure);
    }

    static FileSystemException fileSystemCause(Throwable failure) {
        return Causes.find(failure, FileSystemException.class).orElse(null);
    }

    /**
     * Hardwood's message, without the "[file name] " prefix that it adds (we name the file
     * ourselves), followed by the root cause's when that says something more (e.g. "LZO
     * compression is not supported" under "Failed to parse dictionary").
     */
    private static String reason(String fileName, Throwable failure) {
        String message = withoutFilePrefix(fileName, describe(failure));
        String rootMessage = withoutFilePrefix(fileName, describe(Causes.root(failure)));
        return message.contains(rootMessage) ? message : message + ": " + rootMessage;
    }

    private static String describe(Throwable failure) {
        String message = failure.getMessage();
        return message == null || message.isBlank() ? failure.getClass().getSimpleName() : message;
    }

    private static String withoutFilePrefix(String fileName, String message) {
        String prefix = "[" + fileName + "] ";
        return message.startsWith(prefix) ? message.substring(prefix.length()) : message;
    }
}
