package com.datawow.datalog.report;

/**
 * The warehouse's integrity checks. Each is one fixed query that counts violations; zero means
 * the check passes. The foreign keys make the orphan checks zero by construction: they are
 * checked anyway because a key can be dropped, disabled or bypassed (replication, restores).
 */
public enum IntegrityCheck {

    SENSOR_HAS_DEPARTMENT("sensor_has_department", "every sensor's department_id is a department", "sensors",
            "SELECT count(*) FROM sensor s"
                    + " WHERE NOT EXISTS (SELECT 1 FROM department d WHERE d.department_id = s.department_id)"),

    DATALOG_HAS_SENSOR("datalog_has_sensor", "every datalog row's sensor_id is a sensor", "datalog rows",
            "SELECT count(*) FROM datalog l"
                    + " WHERE NOT EXISTS (SELECT 1 FROM sensor s WHERE s.sensor_id = l.sensor_id)"),

    DATALOG_HAS_PRODUCT("datalog_has_product", "every datalog row's product_id is a product", "datalog rows",
            "SELECT count(*) FROM datalog l"
                    + " WHERE NOT EXISTS (SELECT 1 FROM product p WHERE p.product_id = l.product_id)"),

    // file_id has no foreign key (its cost on ingest), so this check is the only guard of lineage.
    DATALOG_FROM_LOADED_FILE("datalog_from_loaded_file", "every datalog row's file_id is a 'loaded' ledger row", "datalog rows",
            "SELECT count(*) FROM datalog l"
                    + " WHERE NOT EXISTS (SELECT 1 FROM ingest_ledger f WHERE f.file_id = l.file_id AND f.status = 'loaded')"),

    // One pass over datalog grouped by file, rather than one lookup per ledger row.
    LEDGER_ROW_COUNT_MATCHES("ledger_row_count_matches", "each loaded file's ledger row_count equals its datalog rows", "loaded files",
            "WITH per_file AS (SELECT file_id, count(*) AS rows FROM datalog GROUP BY file_id)"
                    + " SELECT count(*) FROM ingest_ledger f LEFT JOIN per_file p ON p.file_id = f.file_id"
                    + " WHERE f.status = 'loaded' AND f.row_count <> coalesce(p.rows, 0)"),

    // Quarantine mode: rejected rows commit and leave with their file (replacement, retention).
    REJECTED_ROW_FROM_LOADED_FILE("rejected_row_from_loaded_file", "every rejected row's file_id is a 'loaded' ledger row",
            "rejected rows",
            "SELECT count(*) FROM rejected_row r"
                    + " WHERE NOT EXISTS (SELECT 1 FROM ingest_ledger f WHERE f.file_id = r.file_id AND f.status = 'loaded')"),

    LEDGER_REJECTED_COUNT_MATCHES("ledger_rejected_count_matches",
            "each loaded file's ledger rejected_row_count equals its rejected rows", "loaded files",
            "WITH per_file AS (SELECT file_id, count(*) AS rows FROM rejected_row GROUP BY file_id)"
                    + " SELECT count(*) FROM ingest_ledger f LEFT JOIN per_file p ON p.file_id = f.file_id"
                    + " WHERE f.status = 'loaded' AND f.rejected_row_count <> coalesce(p.rows, 0)"),

    // Days loaded aside are attached, and ATTACH validates; this proves no partition was left
    // without its keys, with a key NOT VALID, or with the keys' triggers disabled.
    FOREIGN_KEYS_ENFORCED("foreign_keys_enforced",
            "datalog and each of its partitions have both foreign keys, validated, with their triggers enabled", "tables",
            "WITH tables AS (SELECT 'datalog'::regclass AS oid"
                    + " UNION ALL SELECT inhrelid FROM pg_inherits WHERE inhparent = 'datalog'::regclass)"
                    + " SELECT count(*) FROM tables t"
                    + " WHERE (SELECT count(*) FROM pg_constraint k WHERE k.conrelid = t.oid AND k.contype = 'f' AND k.convalidated"
                    + "        AND k.confrelid IN ('sensor'::regclass, 'product'::regclass)) <> 2"
                    + "    OR EXISTS (SELECT 1 FROM pg_trigger g WHERE g.tgrelid = t.oid AND g.tgisinternal AND g.tgenabled = 'D')");

    private final String id;
    private final String description;
    private final String unit;
    private final String countingQuery;

    IntegrityCheck(String id, String description, String unit, String countingQuery) {
        this.id = id;
        this.description = description;
        this.unit = unit;
        this.countingQuery = countingQuery;
    }

    /** A stable name for machines (JSON, metrics). */
    public String id() {
        return id;
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
