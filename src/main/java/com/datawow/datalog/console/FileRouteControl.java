package com.datawow.datalog.console;

import com.datawow.datalog.ingest.IngestRoutes;
import org.apache.camel.CamelContext;
import org.apache.camel.ServiceStatus;

/**
 * Suspends and resumes the file route through Camel's route controller, by its id: the same
 * operations as its JMX MBean, whatever consumer the route has. Suspending lets the files in
 * flight finish and takes no new one; it returns once they have.
 */
public final class FileRouteControl {

    public static final String ROUTE_ID = IngestRoutes.INGEST_FILES;

    private final CamelContext context;

    public FileRouteControl(CamelContext context) {
        this.context = context;
    }

    /** Camel's word for the route's state: Started, Suspended, Stopped, ... */
    public String state() {
        ServiceStatus status = context.getRouteController().getRouteStatus(ROUTE_ID);
        return status == null ? "Absent" : status.name();
    }

    public void suspend() throws Exception {
        context.getRouteController().suspendRoute(ROUTE_ID);
    }

    public void resume() throws Exception {
        context.getRouteController().resumeRoute(ROUTE_ID);
    }
}
