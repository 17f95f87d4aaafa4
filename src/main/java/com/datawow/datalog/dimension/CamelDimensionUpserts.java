package com.datawow.datalog.dimension;

import org.apache.camel.ProducerTemplate;

import java.util.Map;
import java.util.function.Supplier;

/** {@link DimensionUpserts} through the {@code upsert-*} routes of {@link DimensionRoutes}. */
public final class CamelDimensionUpserts implements DimensionUpserts {

    private final Supplier<ProducerTemplate> templateFactory;
    private volatile ProducerTemplate template;

    /** @param templateFactory called once, at the first upsert (when the Camel context runs) */
    public CamelDimensionUpserts(Supplier<ProducerTemplate> templateFactory) {
        this.templateFactory = templateFactory;
    }

    @Override
    public int department(String name) {
        return getOrCreate("department " + name, () -> template().requestBody("direct:" + DimensionRoutes.UPSERT_DEPARTMENT, name, Integer.class));
    }

    @Override
    public SensorRef sensor(String serial, int departmentId) {
        Map<?, ?> row = getOrCreate("sensor " + serial, () -> template().requestBody("direct:" + DimensionRoutes.UPSERT_SENSOR,
                Map.of("serial", serial, "departmentId", departmentId), Map.class));
        return new SensorRef(((Number) row.get("sensor_id")).intValue(), ((Number) row.get("department_id")).intValue());
    }

    @Override
    public int product(String name) {
        return getOrCreate("product " + name, () -> template().requestBody("direct:" + DimensionRoutes.UPSERT_PRODUCT, name, Integer.class));
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

    /**
     * The upsert returns nothing in one race: another loader inserted the key after this
     * statement's snapshot was taken. A second statement sees it.
     */
    private static <T> T getOrCreate(String what, Supplier<T> upsert) {
        for (int attempt = 0; attempt < 3; attempt++) {
            T value = upsert.get();
            if (value != null) {
                return value;
            }
        }
        throw new IllegalStateException("Upsert of " + what + " returned no row three times");
    }
}
