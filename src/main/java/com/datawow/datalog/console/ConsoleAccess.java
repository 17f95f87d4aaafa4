package com.datawow.datalog.console;

import com.datawow.datalog.config.Settings;
import com.datawow.datalog.ops.OperatorCredentials;

import java.net.InetAddress;
import java.net.URI;
import java.net.UnknownHostException;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.Locale;
import java.util.Optional;

/**
 * Who may use the console.
 * <ul>
 * <li>Bound to a loopback address, its pages and JSON are open to this machine, but only to
 *     requests addressed to a loopback name: a web page elsewhere cannot point its own host
 *     name at 127.0.0.1 (DNS rebinding) and read or drive the console as "same origin".</li>
 * <li>Bound to any other address, everything asks for the operator's user and password (HTTP
 *     Basic); with no operator credentials configured the console stays closed (health and
 *     metrics are not the console's and stay open).</li>
 * <li>Actions (POSTs) also need the console's own request header {@value #ACTION_HEADER}: a
 *     cross-site form cannot send it, and a cross-site script cannot without a CORS permission
 *     the console never gives; and they are refused when the browser says (Origin,
 *     Sec-Fetch-Site) that the request comes from another site.</li>
 * </ul>
 */
public final class ConsoleAccess {

    /** The request header every action needs; its value does not matter. */
    public static final String ACTION_HEADER = "X-Datalog-Console";
    static final String REALM = "datalog-loader console";

    private final String bindHost;
    private final boolean loopbackBind;
    private final Optional<OperatorCredentials> operator;

    public ConsoleAccess(String bindHost, Optional<OperatorCredentials> operator) {
        this.bindHost = bindHost;
        this.loopbackBind = isLoopback(bindHost);
        this.operator = operator;
    }

    /** Why a request is refused: an HTTP status and a sentence for the person (or script) that sent it. */
    public record Refusal(int status, String message) {
        /** A 401 asks the browser for the user and password. */
        public boolean asksForCredentials() {
            return status == 401;
        }
    }

    /** Whether the console asks for the operator's credentials (a non-loopback bind). */
    public boolean asksForCredentials() {
        return !loopbackBind;
    }

    /** For the page, its assets and the JSON: empty when allowed. */
    public Optional<Refusal> view(ConsoleRequest request) {
        return loopbackBind ? addressedByLoopbackName(request) : authenticated(request);
    }

    /** For suspend, resume and retry: empty when allowed. */
    public Optional<Refusal> action(ConsoleRequest request) {
        Optional<Refusal> view = view(request);
        if (view.isPresent()) {
            return view;
        }
        if (request.header(ACTION_HEADER).isEmpty()) {
            return refuse(403, "Actions need the request header " + ACTION_HEADER + " (the console's page sends it; scripts: -H '"
                    + ACTION_HEADER + ": 1')");
        }
        Optional<String> site = request.header("Sec-Fetch-Site");
        if (site.isPresent() && !site.get().equalsIgnoreCase("same-origin")) {
            return refuse(403, "Cross-site request refused (Sec-Fetch-Site: " + site.get() + ")");
        }
        Optional<String> origin = request.header("Origin");
        if (origin.isPresent() && !sameOrigin(origin.get(), request.authority())) {
            return refuse(403, "Cross-site request refused (Origin: " + origin.get() + ")");
        }
        return Optional.empty();
    }

    private Optional<Refusal> addressedByLoopbackName(ConsoleRequest request) {
        Optional<String> host = request.authority().map(ConsoleAccess::hostName);
        if (host.isPresent() && (host.get().equalsIgnoreCase(bindHost) || isLoopbackName(host.get()))) {
            return Optional.empty();
        }
        return refuse(403, "The console answers only requests addressed to this machine by a loopback name such as localhost or "
                + "127.0.0.1 (Host: " + request.authority().orElse("none") + ")");
    }

    private Optional<Refusal> authenticated(ConsoleRequest request) {
        if (operator.isEmpty()) {
            return refuse(403, "The console is bound to " + bindHost + ", not to loopback, and no operator credentials are set: set "
                    + OperatorCredentials.USER + " and " + OperatorCredentials.PASSWORD + " (" + Settings.environmentName(OperatorCredentials.USER)
                    + ", " + Settings.environmentName(OperatorCredentials.PASSWORD) + ")");
        }
        Optional<String[]> login = request.header("Authorization").flatMap(ConsoleAccess::basicCredentials);
        if (login.isPresent() && operator.get().matches(login.get()[0], login.get()[1])) {
            return Optional.empty();
        }
        return refuse(401, "The operator's user and password are required");
    }

    private static Optional<String[]> basicCredentials(String authorization) {
        if (!authorization.regionMatches(true, 0, "Basic ", 0, 6)) {
            return Optional.empty();
        }
        try {
            String pair = new String(Base64.getDecoder().decode(authorization.substring(6).trim()), StandardCharsets.UTF_8);
            int colon = pair.indexOf(':');
            return colon < 0 ? Optional.empty() : Optional.of(new String[]{pair.substring(0, colon), pair.substring(colon + 1)});
        } catch (IllegalArgumentException notBase64) {
            return Optional.empty();
        }
    }

    private static boolean sameOrigin(String origin, Optional<String> host) {
        try {
            String authority = URI.create(origin).getRawAuthority();
            return authority != null && host.isPresent() && authority.equalsIgnoreCase(host.get());
        } catch (IllegalArgumentException malformed) {
            return false; // "null" (a sandboxed or file: page) and garbage alike
        }
    }

    /** {@code 127.0.0.1:8080} -> {@code 127.0.0.1}; {@code [::1]:8080} -> {@code ::1}. */
    private static String hostName(String authority) {
        if (authority.startsWith("[")) {
            int end = authority.indexOf(']');
            return end < 0 ? authority : authority.substring(1, end);
        }
        int colon = authority.lastIndexOf(':');
        return colon < 0 ? authority : authority.substring(0, colon);
    }

    /** A name that means this machine, whatever DNS says: never resolved, so it cannot be rebound. */
    private static boolean isLoopbackName(String host) {
        String name = host.toLowerCase(Locale.ROOT);
        return name.equals("localhost") || name.equals("::1") || name.matches("127(\\.\\d{1,3}){3}");
    }

    private static boolean isLoopback(String bindHost) {
        try {
            return InetAddress.getByName(bindHost).isLoopbackAddress();
        } catch (UnknownHostException e) {
            return false;
        }
    }

    private static Optional<Refusal> refuse(int status, String message) {
        return Optional.of(new Refusal(status, message));
    }
}
