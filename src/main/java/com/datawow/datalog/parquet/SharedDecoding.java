package com.datawow.datalog.parquet;

import dev.hardwood.HardwoodContext;

/** Placeholder, decided by measurement. */
final class SharedDecoding {

    private SharedDecoding() {
    }

    static HardwoodContext context() {
        return Holder.CONTEXT;
    }

    private static final class Holder {
        static final HardwoodContext CONTEXT = HardwoodContext.create(1);
    }
}
