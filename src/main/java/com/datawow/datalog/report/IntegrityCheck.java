package com.datawow.datalog.report;

import java.util.Locale;

/**
 * The warehouse's integrity checks. Each is one fixed query that counts violations; zero means
 * the check passes. The foreign keys make the orphan checks zero by construction: they are
 * checked anyway because a key can be dropped, disabled or bypassed (replication, restores).
 */
public enum IntegrityCheck {

    SENSOR_HAS_DEPARTMENT("every sensor's department_id is a department", "sensors",
            orphans("sensor", "department_id", "department", "")),

    DATALOG_HAS_SENSOR("every datalog row's sensor_id is a sensor", "datalog rows",
            orphans("datalog", "sensor_id", "sensor", "")),

    DATALOG_HAS_PRODUCT("every datalog row's product_id is a product", "datalog rows",
            orphans("datalog", "product_id", "product", "")),

    // file_id has no foreign key (its cost on ingest), so this check is the only guard of lineage.
    DATALOG_FROM_LOADED_FILE("every datalog row's file_id is a 'loaded' ledger row", "datalog rows",
            orphansOfLoadedFiles("datalog")),

    // One pass over datalog grouped by file, rather than one lookup per ledger row.
    LEDGER_ROW_COUNT_MATCHES("each loaded file's ledger row_count equals its datalog rows", "loaded files",
            ledgerCountMismatches("row_count", "datalog")),

    // Quarantine mode: rejected rows commit and leave with their file (replacement, retention).
    REJECTED_ROW_FROM_LOADED_FILE("every rejected row's file_id is a 'loaded' ledger row", "rejected rows",
            orphansOfLoadedFiles("rejected_row")),

    LEDGER_REJECTED_COUNT_MATCHES("each loaded file's ledger rejected_row_count equals its rejected rows", "loaded files",
            ledgerCountMismatches("rejected_row_count", "rejected_row")),

    // Days loaded aside are attached, and ATTACH validates; this proves no partition was left
    // without its keys, with a key NOT VALID, or with the keys' triggers disabled.
    FOREIGN_KEYS_ENFORCED("datalog and each of its partitions have both foreign keys, validated, with their triggers enabled", "tables",
            "WITH tables AS (SELECT 'datalog'::regclass AS oid"
                    + " UNION ALL SELECT inhrelid FROM pg_inherits WHERE inhparent = 'datalog'::regclass)"
                    + " SELECT count(*) FROM tables t"
                    + " WHERE (SELECT count(*) FROM pg_constraint k WHERE k.conrelid = t.oid AND k.contype = 'f' AND k.convalidated"
                    + "        AND k.confrelid IN ('sensor'::regclass, 'product'::regclass)) <> 2"
                    + "    OR EXISTS (SELECT 1 FROM pg_trigger g WHERE g.tgrelid = t.oid AND g.tgisinternal AND g.tgenabled = 'D')");

    private final String description;
    private final String unit;
    private final String countingQuery;

    IntegrityCheck(String description, String unit, String countingQuery) {
        this.description = description;
        this.unit = unit;
        this.countingQuery = countingQuery;
    }

    /** Rows of {@code child} whose {@code key} matches no row of {@code parent} (that also meets {@code parentCondition}). */
    private static String orphans(String child, String key, String parent, String parentCondition) {
        return "SELECT count(*) FROM " + child + " c"
                + " WHERE NOT EXISTS (SELECT 1 FROM " + parent + " p WHERE p." + key + " = c." + key + parentCondition + ")";
    }

    /** Rows of {@code child} whose file_id is no 'loaded' ledger row. */
    private static String orphansOfLoadedFiles(String child) {
        return orphans(child, "file_id", "ingest_ledger", " AND p.status = 'loaded'");
    }

    /** Loaded files whose ledger {@code countColumn} is not the number of their rows in {@code table}. */
    private static String ledgerCountMismatches(String countColumn, String table) {
        return "WITH per_file AS (SELECT file_id, count(*) AS rows FROM " + table + " GROUP BY file_id)"
                + " SELECT count(*) FROM ingest_ledger f LEFT JOIN per_file p ON p.file_id = f.file_id"
                + " WHERE f.status = 'loaded' AND f." + countColumn + " <> coalesce(p.rows, 0)";
    }

    /** A stable name for machines (JSON, metrics): the constant's name in lower case. */
    public String id() {
        return name().toLowerCase(Locale.ROOT);
    }

    /** What holds when the check passes. */
    public String description() {
        return description;
    }

    /** What a violation counts (e.g. "datalog rows"). */
    public String unit() {
        return unit;
    }

    String countingQuery() {
        return countingQuery;
    }
}
