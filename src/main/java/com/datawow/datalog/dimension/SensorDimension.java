package com.datawow.datalog.dimension;

import org.apache.camel.Exchange;

import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Sensors: a serial to an id, and the department the sensor belongs to (its first placement;
 * a later contradiction is bad input). Cached once committed, like {@link NameDimension}.
 */
public final class SensorDimension {

    private final Map<String, SensorRef> sensors = new ConcurrentHashMap<>();

    /** The sensor of the serial, or null if not cached. */
    SensorRef of(String serial) {
        return sensors.get(serial);
    }

    /** The enrich step's aggregation: caches the rows {@code {id, serial, department_id}} of the upsert route. */
    Exchange cacheUpserted(Exchange batch, Exchange upserted) {
        for (Map<?, ?> row : NameDimension.rows(upserted)) {
            sensors.put((String) row.get("serial"),
                    new SensorRef(((Number) row.get("id")).intValue(), ((Number) row.get("department_id")).intValue()));
        }
        return batch;
    }
}
