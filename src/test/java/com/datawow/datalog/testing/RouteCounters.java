package com.datawow.datalog.testing;

import org.apache.camel.CamelContext;
import org.apache.camel.api.management.ManagedCamelContext;
import org.apache.camel.api.management.mbean.ManagedRouteMBean;

/** A route's exchange counters (what JMX shows), for waiting until a step has been tried. */
public final class RouteCounters {

    private RouteCounters() {
    }

    /** Exchanges that failed in the route, a sub-route reached by direct included. */
    public static long failed(CamelContext context, String routeId) {
        return route(context, routeId).getExchangesFailed();
    }

    public static long total(CamelContext context, String routeId) {
        return route(context, routeId).getExchangesTotal();
    }

    private static ManagedRouteMBean route(CamelContext context, String routeId) {
        return context.getCamelContextExtension().getContextPlugin(ManagedCamelContext.class).getManagedRoute(routeId);
    }
}
