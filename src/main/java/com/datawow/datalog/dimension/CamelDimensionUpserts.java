package com.datawow.datalog.dimension;

import org.apache.camel.ProducerTemplate;

import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Function;
import java.util.function.Supplier;

/** {@link DimensionUpserts} through the {@code upsert-*} routes of {@link DimensionRoutes}. */
public final class CamelDimensionUpserts implements DimensionUpserts {

    /** A key another loader inserts after our statement's snapshot is missing once; the next statement sees it. */
    private static final int ATTEMPTS = 3;

    private final Supplier<ProducerTemplate> templateFactory;
    private volatile ProducerTemplate template;

    /** @param templateFactory called once, at the first upsert (when the Camel context runs) */
    public CamelDimensionUpserts(Supplier<ProducerTemplate> templateFactory) {
        this.templateFactory = templateFactory;
    }

    @Override
    public Map<String, Integer> departments(Set<String> names) {
        return getOrCreate("department", names, wanted -> upsert(DimensionRoutes.UPSERT_DEPARTMENT,
                Map.of("names", wanted.toArray(String[]::new)), row -> (String) row.get("name"), row -> id(row, "id")));
    }

    @Override
    public Map<String, SensorRef> sensors(Map<String, Integer> departmentOfSerial) {
        return getOrCreate("sensor", departmentOfSerial.keySet(), wanted -> {
            String[] serials = wanted.toArray(String[]::new);
            Integer[] departmentIds = new Integer[serials.length];
            for (int i = 0; i < serials.length; i++) {
                departmentIds[i] = departmentOfSerial.get(serials[i]);
            }
            return upsert(DimensionRoutes.UPSERT_SENSOR, Map.of("serials", serials, "departmentIds", departmentIds),
                    row -> (String) row.get("serial"), row -> new SensorRef(id(row, "id"), id(row, "department_id")));
        });
    }

    @Override
    public Map<String, Integer> products(Set<String> names) {
        return getOrCreate("product", names, wanted -> upsert(DimensionRoutes.UPSERT_PRODUCT,
                Map.of("names", wanted.toArray(String[]::new)), row -> (String) row.get("name"), row -> id(row, "id")));
    }

    private <V> Map<String, V> upsert(String route, Map<String, Object> parameters,
                                      Function<Map<?, ?>, String> key, Function<Map<?, ?>, V> value) {
        List<?> rows = template().requestBody("direct:" + route, parameters, List.class);
        Map<String, V> found = new HashMap<>();
        for (Object row : rows) {
            Map<?, ?> columns = (Map<?, ?>) row;
            found.put(key.apply(columns), value.apply(columns));
        }
        return found;
    }

    private static <V> Map<String, V> getOrCreate(String dimension, Set<String> keys, Function<Set<String>, Map<String, V>> upsert) {
        Map<String, V> resolved = new HashMap<>();
        Set<String> missing = new HashSet<>(keys);
        for (int attempt = 0; attempt < ATTEMPTS && !missing.isEmpty(); attempt++) {
            Map<String, V> found = upsert.apply(missing);
            resolved.putAll(found);
            missing.removeAll(found.keySet());
        }
        if (!missing.isEmpty()) {
            throw new IllegalStateException("Get-or-create of " + missing.size() + " " + dimension + " key(s) returned no id "
                    + ATTEMPTS + " times, e.g. " + missing.iterator().next());
        }
        return resolved;
    }

    private static int id(Map<?, ?> row, String column) {
        return ((Number) row.get(column)).intValue();
    }

    private ProducerTemplate template() {
        ProducerTemplate current = template;
        if (current == null) {
            synchronized (this) {
                if (template == null) {
                    template = templateFactory.get();
                }
                current = template;
            }
        }
        return current;
    }
}
