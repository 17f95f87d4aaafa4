package com.datawow.datalog.tools.generate;

import com.datawow.datalog.parquet.SensorLogBatch;
import com.datawow.datalog.parquet.Timestamps;

import java.time.LocalDateTime;
import java.time.format.DateTimeFormatter;
import java.util.AbstractList;
import java.util.List;

/**
 * The rows of one sample file: the catalog's template with this minute's products and expiries
 * (row i's product and days to expiry at index i). The generator makes it; the arrays are its
 * draws, read and never changed.
 */
public record SampleMinute(LocalDateTime createAt, List<TemplateRow> template, String[] productNames, int[] expiryDays) {

    /** pandas' {@code str(Timestamp)}: {@code 2023-01-01 00:00:00}. */
    private static final DateTimeFormatter FILE_STEM = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm:ss");

    /** The file sampledata.py writes this minute to, e.g. {@code 2023-01-01 00:00:00.parquet}. */
    public String fileName() {
        return FILE_STEM.format(createAt) + ".parquet";
    }

    public int size() {
        return template.size();
    }

    /** Row {@code i} (0-based, file order). */
    public SampleRow row(int i) {
        TemplateRow placement = template.get(i);
        return new SampleRow(placement.departmentName(), placement.sensorSerial(), createAt,
                productNames[i], productExpire(i));
    }

    /** All rows in file order, made on demand. */
    public List<SampleRow> rows() {
        return new AbstractList<>() {
            @Override
            public SampleRow get(int index) {
                return row(index);
            }

            @Override
            public int size() {
                return SampleMinute.this.size();
            }
        };
    }

    /** Days from {@code create_at} to {@code product_expire} of row {@code i}: 87, 88 or 89. */
    public int expiryDays(int i) {
        return expiryDays[i];
    }

    public LocalDateTime productExpire(int i) {
        return createAt.plusDays(expiryDays[i]);
    }

    /** The whole minute as one batch, the shape the loader reads files into (microseconds). */
    public SensorLogBatch toBatch() {
        int size = size();
        String[] departments = new String[size];
        String[] serials = new String[size];
        long[] createAtMicros = new long[size];
        long[] expireMicros = new long[size];
        long minuteMicros = Timestamps.toMicros(createAt);
        for (int i = 0; i < size; i++) {
            TemplateRow placement = template.get(i);
            departments[i] = placement.departmentName();
            serials[i] = placement.sensorSerial();
            createAtMicros[i] = minuteMicros;
            expireMicros[i] = Timestamps.toMicros(productExpire(i));
        }
        return new SensorLogBatch(1, departments, serials, createAtMicros, productNames.clone(), expireMicros);
    }
}
