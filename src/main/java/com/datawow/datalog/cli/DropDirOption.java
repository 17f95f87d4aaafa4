package com.datawow.datalog.cli;

import com.datawow.datalog.config.Settings;
import com.datawow.datalog.ingest.IngestSettings;
import picocli.CommandLine.Option;

import java.nio.file.Path;
import java.util.Map;

/** {@code --dir}, for the commands that work on the drop directory ({@code run}, {@code demo}, {@code retry}). */
final class DropDirOption {

    @Option(names = "--dir", paramLabel = "DIR", description = "Drop directory (default data_sample; env DATALOG_DROP_DIR).")
    Path dir;

    /** The option as a setting over the environment and the properties file, when it is given. */
    Map<String, String> overrides() {
        return dir == null ? Map.of() : Map.of(IngestSettings.DROP_DIR, dir.toString());
    }

    /** --dir over DATALOG_DROP_DIR over the properties file over data_sample, as {@code run} takes it. */
    Path resolve() {
        return IngestSettings.from(Settings.fromEnvironment(overrides())).dropDir();
    }
}
