package com.datawow.datalog.console;

import com.datawow.datalog.ops.OperatorCredentials;
import org.junit.jupiter.api.Test;

import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.HashMap;
import java.util.Map;
import java.util.Optional;

import static org.assertj.core.api.Assertions.assertThat;

/** Who may view the console and who may act through it, decided from the request's own headers. */
class ConsoleAccessTest {

    private static final OperatorCredentials OPERATOR = new OperatorCredentials("operator", "pa:ss");
    private final ConsoleAccess loopback = new ConsoleAccess("127.0.0.1", Optional.empty());
    private final ConsoleAccess everywhere = new ConsoleAccess("0.0.0.0", Optional.of(OPERATOR));

    @Test
    void onLoopbackTheConsoleIsOpenToRequestsAddressedToThisMachineByALoopbackName() {
        for (String host : new String[]{"127.0.0.1:8080", "localhost:8080", "LOCALHOST", "127.0.0.2:8080", "[::1]:8080"}) {
            assertThat(loopback.view(request(Map.of("Host", host)))).as(host).isEmpty();
        }
        for (String host : new String[]{"evil.example:8080", "127.0.0.1.evil.example", "10.0.0.5:8080"}) {
            assertThat(loopback.view(request(Map.of("Host", host)))).as(host).hasValueSatisfying(refusal -> assertThat(refusal.status()).isEqualTo(403));
        }
        assertThat(loopback.view(request(Map.of()))).as("no Host at all").isPresent();
        assertThat(loopback.asksForCredentials()).isFalse();
    }

    @Test
    void anActionNeedsTheConsolesHeaderAndNoSignOfAnotherSite() {
        Map<String, String> console = Map.of("Host", "127.0.0.1:8080", ConsoleAccess.ACTION_HEADER, "1");

        assertThat(loopback.action(request(console))).isEmpty();
        assertThat(loopback.action(request(console, "Origin", "http://127.0.0.1:8080", "Sec-Fetch-Site", "same-origin"))).isEmpty();
        assertThat(loopback.action(request(Map.of("Host", "127.0.0.1:8080")))).hasValueSatisfying(
                refusal -> assertThat(refusal.message()).contains(ConsoleAccess.ACTION_HEADER));
        assertThat(loopback.action(request(console, "Origin", "http://evil.example"))).isPresent();
        assertThat(loopback.action(request(console, "Origin", "http://127.0.0.1:9999"))).as("another port is another origin").isPresent();
        assertThat(loopback.action(request(console, "Origin", "null"))).isPresent();
        assertThat(loopback.action(request(console, "Sec-Fetch-Site", "cross-site"))).isPresent();
        assertThat(loopback.action(request(console, "Sec-Fetch-Site", "same-site"))).as("a neighbour site is not the console").isPresent();
    }

    @Test
    void elsewhereEverythingNeedsTheOperatorsUserAndPasswordAndActionsStillNeedTheHeader() {
        Map<String, String> operator = Map.of("Host", "loader.internal:8080", "Authorization", basic("operator", "pa:ss"));

        assertThat(everywhere.asksForCredentials()).isTrue();
        assertThat(everywhere.view(request(operator))).isEmpty();
        assertThat(everywhere.view(request(Map.of("Host", "loader.internal:8080")))).hasValueSatisfying(refusal -> {
            assertThat(refusal.status()).isEqualTo(401);
            assertThat(refusal.asksForCredentials()).isTrue();
        });
        assertThat(everywhere.view(request(Map.of("Authorization", basic("operator", "pa"))))).as("wrong password").isPresent();
        assertThat(everywhere.view(request(Map.of("Authorization", basic("Operator", "pa:ss"))))).as("wrong user").isPresent();
        assertThat(everywhere.view(request(Map.of("Authorization", "Basic not-base64!")))).isPresent();
        assertThat(everywhere.view(request(Map.of("Authorization", "Bearer abc")))).isPresent();
        assertThat(everywhere.action(request(operator))).hasValueSatisfying(refusal -> assertThat(refusal.status()).isEqualTo(403));
        assertThat(everywhere.action(request(operator, ConsoleAccess.ACTION_HEADER, "1"))).isEmpty();
    }

    @Test
    void elsewhereWithoutCredentialsTheConsoleStaysClosedAndSaysHowToOpenIt() {
        ConsoleAccess closed = new ConsoleAccess("0.0.0.0", Optional.empty());

        assertThat(closed.view(request(Map.of("Authorization", basic("anyone", "anything"))))).hasValueSatisfying(refusal -> {
            assertThat(refusal.status()).isEqualTo(403);
            assertThat(refusal.message()).contains(OperatorCredentials.USER, OperatorCredentials.PASSWORD);
        });
    }

    private static ConsoleRequest request(Map<String, String> headers, String... more) {
        Map<String, String> all = new HashMap<>(headers);
        for (int i = 0; i < more.length; i += 2) {
            all.put(more[i], more[i + 1]);
        }
        return ConsoleRequest.of("/api/route/suspend", all);
    }

    private static String basic(String user, String password) {
        return "Basic " + Base64.getEncoder().encodeToString((user + ":" + password).getBytes(StandardCharsets.UTF_8));
    }
}
