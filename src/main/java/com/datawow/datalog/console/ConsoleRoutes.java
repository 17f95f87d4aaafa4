package com.datawow.datalog.console;

import com.datawow.datalog.db.DatabaseProbe;
import com.datawow.datalog.failure.Causes;
import com.datawow.datalog.ingest.DropDirectory;
import com.datawow.datalog.ingest.FailedFiles;
import com.datawow.datalog.ingest.IngestStatistics;
import com.datawow.datalog.ledger.LedgerEntries;
import com.datawow.datalog.ops.OperationsSettings;
import org.apache.camel.Exchange;
import org.apache.camel.builder.endpoint.EndpointRouteBuilder;
import org.apache.camel.builder.endpoint.dsl.PlatformHttpEndpointBuilderFactory.PlatformHttpEndpointBuilder;

import javax.sql.DataSource;
import java.time.Clock;
import java.util.Optional;

/**
 * The operator's console on the loader's HTTP port, beside {@code /observe/health} and
 * {@code /observe/metrics} (camel-main's one HTTP server serves platform-http routes and the
 * management endpoints alike):
 * <pre>
 * GET  /                    the page (plain HTML, CSS and JavaScript from the jar)
 * GET  /console/NAME        its stylesheet and script
 * GET  /api/status          everything the page shows, as JSON (for scripts too)
 * POST /api/route/suspend   suspend the file route (the files in flight finish first)
 * POST /api/route/resume    resume it
 * POST /api/retry           {"file": "NAME"}: a failed file back into the drop directory
 * </pre>
 * Every request passes {@link ConsoleAccess} first. A timer samples the daemon's totals into the
 * throughput history that the page's chart draws.
 */
public final class ConsoleRoutes extends EndpointRouteBuilder {

    private static final String ASSETS_PATH = "/console/";

    private final ConsoleAccess access;
    private final IngestStatistics statistics;
    private final DropDirectory dropDirectory;
    private final DataSource dataSource;
    private final Clock clock;
    private final ThroughputHistory history = new ThroughputHistory();
    private final ConsoleAssets assets = new ConsoleAssets();

    public ConsoleRoutes(OperationsSettings operations, IngestStatistics statistics, DropDirectory dropDirectory, DataSource dataSource,
                         Clock clock) {
        this.access = new ConsoleAccess(operations.httpHost(), operations.operator());
        this.statistics = statistics;
        this.dropDirectory = dropDirectory;
        this.dataSource = dataSource;
        this.clock = clock;
    }

    @Override
    public void configure() {
        FileRouteControl route = new FileRouteControl(getContext());
        FailedFiles failedFiles = new FailedFiles(dropDirectory);
        ConsoleStatus status = new ConsoleStatus(statistics, dropDirectory, route, new DatabaseProbe(dataSource), history,
                new LedgerEntries(dataSource), failedFiles, access, clock);
        ConsoleActions actions = new ConsoleActions(route, failedFiles, status);

        // an action that fails answers with its reason, as JSON like every other answer
        onException(Exception.class).handled(true)
                .process(exchange -> ConsoleResponse.error(exchange, 500,
                        Causes.describe(exchange.getProperty(Exchange.EXCEPTION_CAUGHT, Exception.class))));

        from(get("/")).routeId("console-page")
                .process(this::allowView)
                .process(exchange -> ConsoleResponse.asset(exchange, assets.page()));
        from(get(ASSETS_PATH).matchOnUriPrefix(true)).routeId("console-assets")
                .process(this::allowView)
                .process(this::asset);
        from(get("/api/status")).routeId("console-status")
                .process(this::allowView)
                .process(exchange -> ConsoleResponse.json(exchange, 200, status.now()));

        from(post("/api/route/suspend")).routeId("console-suspend")
                .process(this::allowAction)
                .process(actions::suspend);
        from(post("/api/route/resume")).routeId("console-resume")
                .process(this::allowAction)
                .process(actions::resume);
        from(post("/api/retry")).routeId("console-retry")
                .process(this::allowAction)
                .process(actions::retry);

        from(scheduler("console-throughput").delay(ThroughputHistory.INTERVAL.toMillis())).routeId("console-throughput")
                .process(exchange -> history.record(clock.instant(), statistics.snapshot()));
    }

    private PlatformHttpEndpointBuilder get(String path) {
        return platformHttp(path).httpMethodRestrict("GET");
    }

    private PlatformHttpEndpointBuilder post(String path) {
        return platformHttp(path).httpMethodRestrict("POST");
    }

    private void allowView(Exchange exchange) {
        answerRefusal(exchange, access.view(ConsoleRequest.of(exchange)));
    }

    private void allowAction(Exchange exchange) {
        answerRefusal(exchange, access.action(ConsoleRequest.of(exchange)));
    }

    /** A refused request is answered here and goes no further. */
    private static void answerRefusal(Exchange exchange, Optional<ConsoleAccess.Refusal> refusal) {
        refusal.ifPresent(refused -> {
            ConsoleResponse.error(exchange, refused.status(), refused.message());
            exchange.setRouteStop(true);
        });
    }

    private void asset(Exchange exchange) {
        String path = ConsoleRequest.of(exchange).path();
        String name = path.startsWith(ASSETS_PATH) ? path.substring(ASSETS_PATH.length()) : "";
        assets.named(name).ifPresentOrElse(
                asset -> ConsoleResponse.asset(exchange, asset),
                () -> ConsoleResponse.error(exchange, 404, "No such console file: " + name));
    }
}
