package com.datawow.datalog.console;

import com.datawow.datalog.ingest.FailedFiles;
import org.apache.camel.Exchange;
import org.apache.camel.util.json.DeserializationException;
import org.apache.camel.util.json.JsonObject;
import org.apache.camel.util.json.Jsoner;

import java.io.IOException;
import java.util.Locale;

/** The console's actions, each answering with JSON: suspend and resume the file route, retry a failed file. */
record ConsoleActions(FileRouteControl route, FailedFiles failedFiles, ConsoleStatus status) {

    /** Returns once the files in flight have finished: the answer shows the route suspended. */
    void suspend(Exchange exchange) throws Exception {
        route.suspend();
        ConsoleResponse.json(exchange, 200, routeAnswer());
    }

    void resume(Exchange exchange) throws Exception {
        route.resume();
        ConsoleResponse.json(exchange, 200, routeAnswer());
    }

    /** Body {@code {"file": "NAME"}}: the failed file goes back into the drop directory. */
    void retry(Exchange exchange) throws IOException {
        String name;
        try {
            Object body = Jsoner.deserialize(exchange.getMessage().getBody(String.class));
            name = body instanceof JsonObject json ? json.getString("file") : null;
        } catch (DeserializationException | ClassCastException e) {
            name = null;
        }
        if (name == null) {
            ConsoleResponse.error(exchange, 400, "Expected a JSON body {\"file\": \"NAME\"} (Content-Type: application/json)");
            return;
        }
        FailedFiles.Retry outcome = failedFiles.retry(name);
        switch (outcome) {
            case RETRIED -> {
                JsonObject answer = new JsonObject();
                answer.put("file", name);
                answer.put("outcome", outcome.name().toLowerCase(Locale.ROOT));
                ConsoleResponse.json(exchange, 200, answer);
            }
            case NOT_FAILED -> ConsoleResponse.error(exchange, 404, "No failed file named '" + name + "'");
            case NAME_TAKEN -> ConsoleResponse.error(exchange, 409, "A file named '" + name + "' is waiting in the drop directory already");
        }
    }

    private JsonObject routeAnswer() {
        JsonObject answer = new JsonObject();
        answer.put("route", status.route());
        return answer;
    }
}
