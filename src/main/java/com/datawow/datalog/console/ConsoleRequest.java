package com.datawow.datalog.console;

import org.apache.camel.Exchange;
import io.vertx.core.net.HostAndPort;
import org.apache.camel.component.platform.http.vertx.HttpMessage;

import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;

/**
 * An HTTP request as the client sent it: its headers and path. Access decisions read these,
 * never the Camel message's headers, into which platform-http also copies query parameters: a
 * link or a form could otherwise supply a "header" as {@code ?X-Datalog-Console=1}.
 */
interface ConsoleRequest {

    Optional<String> header(String name);

    /**
     * Where the request was addressed, {@code host[:port]}: HTTP/1.1's Host header, HTTP/2's
     * {@code :authority} (clients that upgrade to HTTP/2 send no Host header).
     */
    Optional<String> authority();

    /** The path, without the query. */
    String path();

    /** The request an exchange from platform-http carries. */
    static ConsoleRequest of(Exchange exchange) {
        HttpMessage message = exchange.getIn(HttpMessage.class);
        if (message == null || message.getRequest() == null) {
            throw new IllegalStateException("Not an HTTP request from platform-http (route " + exchange.getFromRouteId() + ")");
        }
        return new ConsoleRequest() {
            @Override
            public Optional<String> header(String name) {
                return Optional.ofNullable(message.getRequest().getHeader(name));
            }

            @Override
            public Optional<String> authority() {
                HostAndPort authority = message.getRequest().authority();
                if (authority == null) {
                    return Optional.empty();
                }
                String host = authority.host().contains(":") && !authority.host().startsWith("[") ? "[" + authority.host() + "]" : authority.host();
                return Optional.of(authority.port() >= 0 ? host + ":" + authority.port() : host);
            }

            @Override
            public String path() {
                return message.getRequest().path();
            }
        };
    }

    /** A request with fixed headers (names in any case; the authority is the Host header), for tests. */
    static ConsoleRequest of(String path, Map<String, String> headers) {
        Map<String, String> byName = new TreeMap<>(String.CASE_INSENSITIVE_ORDER);
        byName.putAll(headers);
        return new ConsoleRequest() {
            @Override
            public Optional<String> header(String name) {
                return Optional.ofNullable(byName.get(name));
            }

            @Override
            public Optional<String> authority() {
                return header("Host");
            }

            @Override
            public String path() {
                return path;
            }
        };
    }
}
