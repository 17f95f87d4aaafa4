package com.datawow.datalog.testing;

import com.datawow.datalog.parquet.SensorLogRow;

/**
 * A rule of the warehouse's own, which the loader does not know and only PostgreSQL can enforce:
 * a CHECK constraint on datalog that refuses a product expiring ten years or more after it was made.
 */
public final class ExpiryRule {

    /** The constraint's name, which PostgreSQL's refusal carries. */
    public static final String NAME = "expiry_within_ten_years";

    private ExpiryRule() {
    }

    /** Adds the rule to datalog (and so to each of its partitions), or puts it back. */
    public static void addTo(TestDatabase database) {
        database.execute("ALTER TABLE datalog DROP CONSTRAINT IF EXISTS " + NAME);
        database.execute("ALTER TABLE datalog ADD CONSTRAINT " + NAME + " CHECK (product_expire < create_at + interval '10 years')");
    }

    /** The row, expiring twenty years after it was made: valid to the loader, refused by the rule. */
    public static SensorLogRow breaking(SensorLogRow row) {
        return row.withProductExpire(row.createAt().plusYears(20));
    }
}
