package com.datawow.datalog.parquet;

import java.time.LocalDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import java.util.function.IntFunction;

/**
 * Rows shaped like the sample data: lowercase-letter names (department 32, sensor 64, product 16
 * letters), each sensor in one department, {@code create_at} the file's minute and
 * {@code product_expire} 87 to 89 days later. Deterministic for a given seed.
 */
public final class SampleRows {

    private static final int DEPARTMENTS = 100;
    private static final int SENSORS = 1_876;
    private static final int PRODUCTS = 1_000;

    private final Random random;
    private final String[] departments;
    private final String[] sensors;
    private final int[] departmentOfSensor;
    private final String[] products;

    public SampleRows(long seed) {
        random = new Random(seed);
        departments = names(DEPARTMENTS, 32);
        sensors = names(SENSORS, 64);
        products = names(PRODUCTS, 16);
        departmentOfSensor = new int[SENSORS];
        for (int i = 0; i < SENSORS; i++) {
            departmentOfSensor[i] = random.nextInt(DEPARTMENTS);
        }
    }

    /** {@code count} rows of the file for the given minute. */
    public List<SensorLogRow> minute(LocalDateTime minute, int count) {
        List<SensorLogRow> rows = new ArrayList<>(count);
        for (int i = 0; i < count; i++) {
            rows.add(row(minute));
        }
        return rows;
    }

    /** One sample row created at the given time. */
    public SensorLogRow row(LocalDateTime createAt) {
        int sensor = random.nextInt(SENSORS);
        return new SensorLogRow(departments[departmentOfSensor[sensor]], sensors[sensor], createAt,
                products[random.nextInt(PRODUCTS)], createAt.plusDays(87 + random.nextInt(3)));
    }

    /** Rows produced lazily, for files too big to hold as a list (see {@link SensorLogFixture#generated}). */
    public IntFunction<SensorLogRow> generator(LocalDateTime minute) {
        return i -> row(minute);
    }

    private String[] names(int count, int length) {
        String[] names = new String[count];
        char[] letters = new char[length];
        for (int n = 0; n < count; n++) {
            for (int i = 0; i < length; i++) {
                letters[i] = (char) ('a' + random.nextInt(26));
            }
            names[n] = new String(letters);
        }
        return names;
    }
}
