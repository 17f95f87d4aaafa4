package com.datawow.datalog.dimension;

import org.apache.camel.builder.endpoint.EndpointRouteBuilder;

/**
 * Get-or-create of the dimension rows, each in a transaction of its own (REQUIRES_NEW): an id
 * is committed before it is cached, whatever becomes of the file that asked for it.
 */
public final class DimensionRoutes extends EndpointRouteBuilder {

    public static final String UPSERT_DEPARTMENT = "upsert-department";
    public static final String UPSERT_SENSOR = "upsert-sensor";
    public static final String UPSERT_PRODUCT = "upsert-product";

    @Override
    public void configure() {
        upsertRoute(UPSERT_DEPARTMENT, "departments: body {names}; returns rows {id, name}");
        upsertRoute(UPSERT_SENSOR, "sensors: body {serials, departmentIds}; returns rows {id, serial, department_id}");
        upsertRoute(UPSERT_PRODUCT, "products: body {names}; returns rows {id, name}");
    }

    private void upsertRoute(String routeId, String description) {
        from(direct(routeId)).routeId(routeId)
                .description("Get-or-create " + description)
                .transacted("PROPAGATION_REQUIRES_NEW")
                .to(sql("classpath:sql/" + routeId + ".sql").dataSource("#warehouse").outputType("SelectList"));
    }
}
