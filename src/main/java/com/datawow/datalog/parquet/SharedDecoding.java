package com.datawow.datalog.parquet;

import dev.hardwood.HardwoodContext;

/**
 * The one Hardwood context (page-decoding thread pool and decompressor pools) that all readers
 * share. Opened without a context, Hardwood creates a fixed thread pool per file and shuts it
 * down on close: measured on a 1,914-row file that costs about half of the CPU of reading it
 * (1.9-2.9M against 4.0-4.5M rows per CPU-second). Created on first use, sized to the
 * processors like Hardwood's default, daemon threads, never closed: like the JDK's common pool it
 * holds no state that a caller could change, so sharing it is safe.
 */
final class SharedDecoding {

    private SharedDecoding() {
    }

    static HardwoodContext context() {
        return Holder.CONTEXT;
    }

    private static final class Holder {
        static final HardwoodContext CONTEXT = HardwoodContext.create(Runtime.getRuntime().availableProcessors());
    }
}
