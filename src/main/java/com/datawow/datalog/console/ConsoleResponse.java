package com.datawow.datalog.console;

import org.apache.camel.Exchange;
import org.apache.camel.Message;
import org.apache.camel.util.json.JsonObject;

import java.nio.charset.StandardCharsets;

/**
 * Writes the console's HTTP answers. The request's headers are dropped first (platform-http
 * would send them back as response headers), then the answer's own are set, with headers that
 * keep the page from being framed by another site, sniffed as another type, or fed foreign script.
 */
final class ConsoleResponse {

    private static final String CONTENT_SECURITY_POLICY = "default-src 'self'; img-src 'self' data:; object-src 'none'; "
            + "base-uri 'none'; form-action 'none'; frame-ancestors 'none'";

    private ConsoleResponse() {
    }

    static void json(Exchange exchange, int status, JsonObject body) {
        write(exchange, status, "application/json; charset=utf-8", body.toJson().getBytes(StandardCharsets.UTF_8));
    }

    static void asset(Exchange exchange, ConsoleAssets.Asset asset) {
        write(exchange, 200, asset.contentType(), asset.bytes());
    }

    /** An error as JSON ({@code {"error": "..."}}), with a Basic challenge where credentials are wanted. */
    static void error(Exchange exchange, int status, String message) {
        JsonObject body = new JsonObject();
        body.put("error", message);
        json(exchange, status, body);
        if (status == 401) {
            exchange.getMessage().setHeader("WWW-Authenticate", "Basic realm=\"" + ConsoleAccess.REALM + "\", charset=\"UTF-8\"");
        }
    }

    private static void write(Exchange exchange, int status, String contentType, byte[] body) {
        Message message = exchange.getMessage();
        message.removeHeaders("*");
        message.setHeader(Exchange.HTTP_RESPONSE_CODE, status);
        message.setHeader(Exchange.CONTENT_TYPE, contentType);
        message.setHeader("Content-Security-Policy", CONTENT_SECURITY_POLICY);
        message.setHeader("X-Content-Type-Options", "nosniff");
        message.setHeader("X-Frame-Options", "DENY");
        message.setHeader("Referrer-Policy", "no-referrer");
        message.setBody(body);
    }
}
