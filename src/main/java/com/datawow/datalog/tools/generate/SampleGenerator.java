package com.datawow.datalog.tools.generate;

import java.time.LocalDateTime;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.NoSuchElementException;

/**
 * sampledata.py's stream of minutes, reproduced value for value from {@code random.seed(0)}.
 * A range that starts after the first minute of the month draws and drops the earlier
 * minutes' numbers, so minute t has the same rows whatever range it is generated in.
 * Sequential by nature (one random stream); not thread-safe.
 */
public final class SampleGenerator implements Iterator<SampleMinute> {

    private static final long SEED = 0;
    /** {@code random.choices([1, 2, 3])}: the expiry is 90 minus one of these days. */
    private static final int[] DAYS_BEFORE_NINETY = {1, 2, 3};
    private static final int NINETY_DAYS = 90;

    private final PythonRandom random;
    private final SampleCatalog catalog;
    private final MinuteRange range;
    private LocalDateTime next;

    private SampleGenerator(MinuteRange range) {
        this.random = PythonRandom.seeded(SEED);
        this.catalog = SampleCatalog.draw(random);
        this.range = range;
        this.next = range.first();
        // each earlier minute drew one product and one expiry per row
        random.skipRandoms(MinuteRange.minutesIntoMonth(range.first()) * 2L * catalog.rowsPerMinute());
    }

    /** A generator positioned at the first minute of {@code range}. */
    public static SampleGenerator over(MinuteRange range) {
        return new SampleGenerator(range);
    }

    /** All minutes of {@code range} in memory (1,914 rows each): for tests and small ranges. */
    public static List<SampleMinute> minutes(MinuteRange range) {
        List<SampleMinute> minutes = new ArrayList<>();
        over(range).forEachRemaining(minutes::add);
        return minutes;
    }

    public SampleCatalog catalog() {
        return catalog;
    }

    @Override
    public boolean hasNext() {
        return !next.isAfter(range.last());
    }

    @Override
    public SampleMinute next() {
        if (!hasNext()) {
            throw new NoSuchElementException("No minute after " + range.last());
        }
        int rows = catalog.rowsPerMinute();
        List<String> products = catalog.productNames();
        // all products of the minute first, then all expiries: sampledata.py's draw order
        String[] productNames = new String[rows];
        for (int i = 0; i < rows; i++) {
            productNames[i] = products.get(random.choiceIndex(products.size()));
        }
        int[] expiryDays = new int[rows];
        for (int i = 0; i < rows; i++) {
            expiryDays[i] = NINETY_DAYS - DAYS_BEFORE_NINETY[random.choiceIndex(DAYS_BEFORE_NINETY.length)];
        }
        SampleMinute minute = new SampleMinute(next, catalog.template(), productNames, expiryDays);
        next = next.plusMinutes(1);
        return minute;
    }
}
