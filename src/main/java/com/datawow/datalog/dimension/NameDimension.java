package com.datawow.datalog.dimension;

import org.apache.camel.Exchange;

import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * A dimension whose rows are a name and an id (department, product). Ids are cached by name, so
 * each name reaches the database once per loader; only ids whose upsert has committed get here
 * (the upsert routes commit on their own), so a group that rolls back never leaves an id the
 * database does not have.
 */
public final class NameDimension {

    private final Map<String, Integer> ids = new ConcurrentHashMap<>();

    /** The id of the name, or null if not cached. */
    Integer idOf(String name) {
        return ids.get(name);
    }

    /**
     * The enrich step's aggregation: caches the rows {@code {id, name}} the upsert route returned
     * (committed by then) and carries on with the batch.
     */
    Exchange cacheUpserted(Exchange batch, Exchange upserted) {
        for (Map<?, ?> row : rows(upserted)) {
            ids.put((String) row.get("name"), ((Number) row.get("id")).intValue());
        }
        return batch;
    }

    @SuppressWarnings("unchecked")
    static List<Map<?, ?>> rows(Exchange upserted) {
        return upserted.getMessage().getBody(List.class);
    }
}
