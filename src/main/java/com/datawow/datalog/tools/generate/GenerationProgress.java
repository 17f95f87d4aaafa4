package com.datawow.datalog.tools.generate;

/** Told after each file is written; called from the writer threads. */
@FunctionalInterface
public interface GenerationProgress {

    GenerationProgress NONE = (written, total) -> { };

    void fileWritten(long filesWritten, long filesTotal);
}
