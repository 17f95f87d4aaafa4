package com.datawow.datalog.parquet;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.Random;

/** Files that are not valid Parquet, for the dead-letter cases. */
public final class BrokenFiles {

    private static final int TAIL = 8; // footer length (4 bytes) + "PAR1"

    private BrokenFiles() {
    }

    public static Path zeroBytes(Path file) {
        return write(file, new byte[0]);
    }

    /** Random bytes: no Parquet magic at all. */
    public static Path randomBytes(Path file, int size, long seed) {
        byte[] bytes = new byte[size];
        new Random(seed).nextBytes(bytes);
        return write(file, bytes);
    }

    /** The first {@code keepBytes} bytes of a valid file, as if a copy had stopped halfway. */
    public static Path truncatedCopy(Path source, Path target, long keepBytes) {
        return write(target, Arrays.copyOf(read(source), Math.toIntExact(keepBytes)));
    }

    /** A copy with 16 bytes in the middle of the data pages scrambled (the magic and footer intact). */
    public static Path corruptPageCopy(Path source, Path target) {
        byte[] bytes = read(source);
        int dataEnd = bytes.length - TAIL - footerLength(bytes);
        return write(target, scramble(bytes, (4 + dataEnd) / 2));
    }

    /** A copy with 16 bytes of the footer (the file metadata) scrambled. */
    public static Path corruptFooterCopy(Path source, Path target) {
        byte[] bytes = read(source);
        int footerStart = bytes.length - TAIL - footerLength(bytes);
        return write(target, scramble(bytes, footerStart + 8));
    }

    private static int footerLength(byte[] bytes) {
        return ByteBuffer.wrap(bytes, bytes.length - TAIL, 4).order(ByteOrder.LITTLE_ENDIAN).getInt();
    }

    private static byte[] scramble(byte[] bytes, int offset) {
        byte[] copy = bytes.clone();
        for (int i = offset; i < offset + 16 && i < copy.length - TAIL; i++) {
            copy[i] ^= (byte) 0xA5;
        }
        return copy;
    }

    private static byte[] read(Path file) {
        try {
            return Files.readAllBytes(file);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static Path write(Path file, byte[] bytes) {
        try {
            Files.createDirectories(file.toAbsolutePath().getParent());
            return Files.write(file, bytes);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
