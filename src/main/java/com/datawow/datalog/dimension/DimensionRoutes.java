package com.datawow.datalog.dimension;

import com.datawow.datalog.db.Transactions;
import com.datawow.datalog.db.Warehouse;
import org.apache.camel.builder.endpoint.EndpointRouteBuilder;

/**
 * A batch's names to ids: the caches first; the names they miss go to the get-or-create route of
 * their dimension, each in a transaction of its own (REQUIRES_NEW), so an id is committed before it
 * is cached, whatever becomes of the group that asked for it. Departments come first: a new sensor
 * is created in its department.
 */
public final class DimensionRoutes extends EndpointRouteBuilder {

    public static final String RESOLVE_DIMENSIONS = "resolve-dimensions";
    public static final String UPSERT_DEPARTMENT = "upsert-department";
    public static final String UPSERT_SENSOR = "upsert-sensor";
    public static final String UPSERT_PRODUCT = "upsert-product";
    /** Headers the upsert statements take their arrays from. */
    static final String NAMES = "names";
    static final String SERIALS = "serials";
    static final String DEPARTMENT_IDS = "departmentIds";

    private final Dimensions dimensions;

    public DimensionRoutes(Dimensions dimensions) {
        this.dimensions = dimensions;
    }

    @Override
    public void configure() {
        from(direct(RESOLVE_DIMENSIONS)).routeId(RESOLVE_DIMENSIONS)
                .description("A batch's names to ids: cached ids, and the missing names through the upsert routes")
                .process(dimensions::lookUpCached)
                .filter().body(BatchIds.class, BatchIds::missesDepartments)
                    .setHeader(NAMES).body(BatchIds.class, BatchIds::missingDepartmentNames)
                    .enrich(direct(UPSERT_DEPARTMENT), dimensions.departments()::cacheUpserted)
                .end()
                .filter().body(BatchIds.class, BatchIds::missesSensors)
                    .setHeader(SERIALS).body(BatchIds.class, BatchIds::missingSensorSerials)
                    .setHeader(DEPARTMENT_IDS).body(BatchIds.class, BatchIds::departmentsOfMissingSensors)
                    .enrich(direct(UPSERT_SENSOR), dimensions.sensors()::cacheUpserted)
                .end()
                .filter().body(BatchIds.class, BatchIds::missesProducts)
                    .setHeader(NAMES).body(BatchIds.class, BatchIds::missingProductNames)
                    .enrich(direct(UPSERT_PRODUCT), dimensions.products()::cacheUpserted)
                .end()
                .process(dimensions::resolved);

        upsertRoute(UPSERT_DEPARTMENT, "departments: header names; returns rows {id, name}");
        upsertRoute(UPSERT_SENSOR, "sensors: headers serials, departmentIds; returns rows {id, serial, department_id}");
        upsertRoute(UPSERT_PRODUCT, "products: header names; returns rows {id, name}");
    }

    private void upsertRoute(String routeId, String description) {
        from(direct(routeId)).routeId(routeId)
                .description("Get-or-create " + description)
                .transacted(Transactions.REQUIRES_NEW)
                .to(sql("classpath:sql/" + routeId + ".sql").dataSource(Warehouse.DATA_SOURCE_REFERENCE).outputType("SelectList"));
    }
}
