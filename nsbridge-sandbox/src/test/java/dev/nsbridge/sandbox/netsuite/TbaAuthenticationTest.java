package dev.nsbridge.sandbox.netsuite;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.nsbridge.sandbox.netsuite.auth.LoginAttempt;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;

@TestInstance(TestInstance.Lifecycle.PER_CLASS)
final class TbaAuthenticationTest {
    private static final String EMPLOYEE = "/services/rest/record/v1/customer/101";
    private static final String INVALID_LOGIN = "Invalid login attempt. For more details, see the Login Audit Trail"
            + " in the NetSuite UI at Setup > Users/Roles > User Management > View Login Audit Trail.";

    private final ObjectMapper json = new ObjectMapper();
    private NetSuiteSandbox sandbox;
    private SandboxClient client;

    @BeforeAll
    void start() {
        sandbox = NetSuiteSandbox.start(NetSuiteSandbox.Options.defaults().withConcurrencyLimit(50),
                new HandMadeAccount());
        client = new SandboxClient(sandbox);
    }

    @AfterAll
    void stop() {
        sandbox.close();
    }

    @BeforeEach
    void clearStats() {
        // A success between refusals keeps the shared sandbox's user from locking out across tests.
        assertThat(client.signed("GET", EMPLOYEE, null).statusCode()).isEqualTo(200);
        sandbox.stats().reset();
    }

    @Test
    void shouldAcceptARequestSignedByAnIndependentOAuthImplementationAndRefuseOneWithAWrongSecret() {
        HttpResponse<String> signed = send("GET", EMPLOYEE, client.tba());
        HttpResponse<String> wrongSecret = send("GET", EMPLOYEE, client.tba().withConsumerSecret("not-the-secret"));

        assertThat(signed.statusCode()).isEqualTo(200);
        assertThat(wrongSecret.statusCode()).isEqualTo(401);
        assertThat(lastAttempt().reason()).isEqualTo("signature does not match");
    }

    @Test
    void shouldSignQueryParametersToo() {
        String path = "/services/rest/query/v1/suiteql?limit=2&offset=0";
        HttpResponse<String> answer = client.suiteQl("?limit=2&offset=0", "SELECT id FROM customer");

        assertThat(answer.statusCode()).isEqualTo(200);
        // Signed without the query, the same request is refused.
        String unsignedQuery = client.authorization("POST", client.url("/services/rest/query/v1/suiteql"),
                client.tba());
        HttpResponse<String> refused = client.send(client.request("POST", path, "{\"q\":\"SELECT id FROM customer\"}")
                .header("Authorization", unsignedQuery).header("Prefer", "transient").build());
        assertThat(refused.statusCode()).isEqualTo(401);
    }

    @Test
    void shouldAcceptHeaderParametersInAnyOrder() {
        String header = client.authorization("GET", client.url(EMPLOYEE), client.tba());
        List<String> pairs = new ArrayList<>(List.of(header.substring("OAuth ".length()).split(",\\s*")));
        Collections.shuffle(pairs, new Random(7));
        Collections.reverse(pairs);
        String shuffled = "OAuth " + String.join(", ", pairs);

        HttpResponse<String> answer = client.send(client.request("GET", EMPLOYEE, null)
                .header("Authorization", shuffled).build());

        assertThat(answer.statusCode()).isEqualTo(200);
    }

    @Test
    void shouldRefuseAReusedNonce() {
        SandboxClient.Tba once = client.tba();

        assertThat(send("GET", EMPLOYEE, once).statusCode()).isEqualTo(200);
        assertThat(send("GET", EMPLOYEE, once).statusCode()).isEqualTo(401);
        assertThat(lastAttempt().reason()).isEqualTo("nonce and timestamp already used");
    }

    @Test
    void shouldRefuseATimestampSixMinutesOff() {
        SandboxClient.Tba now = client.tba();
        sandbox.clock().advance(Duration.ofMinutes(6));
        try {
            assertThat(send("GET", EMPLOYEE, now).statusCode()).isEqualTo(401);
            assertThat(lastAttempt().reason()).contains("timestamp");
            assertThat(send("GET", EMPLOYEE, client.tba().withTimestamp(now.timestamp() + 6 * 60 + 6 * 60))
                    .statusCode()).isEqualTo(401);
        } finally {
            sandbox.clock().advance(Duration.ofMinutes(-6));
        }
        assertThat(send("GET", EMPLOYEE, client.tba().withTimestamp(now.timestamp() + 4 * 60)).statusCode())
                .isEqualTo(200);
    }

    @Test
    void shouldRefuseALowerCaseRealm() {
        HttpResponse<String> answer = send("GET", EMPLOYEE, client.tba().withRealm("1234567_sb1"));

        assertThat(answer.statusCode()).isEqualTo(401);
        assertThat(lastAttempt().reason()).isEqualTo("realm does not match the account id");
    }

    @Test
    void shouldRefuseAShortNonce() {
        assertThat(send("GET", EMPLOYEE, client.tba().withNonce("abc12")).statusCode()).isEqualTo(401);
        assertThat(lastAttempt().reason()).contains("nonce");
    }

    @Test
    void shouldRefuseAnotherSignatureMethod() {
        String header = client.authorization("GET", client.url(EMPLOYEE), client.tba())
                .replace("HMAC-SHA256", "HMAC-SHA1");

        HttpResponse<String> answer = client.send(client.request("GET", EMPLOYEE, null)
                .header("Authorization", header).build());

        assertThat(answer.statusCode()).isEqualTo(401);
        assertThat(lastAttempt().reason()).contains("HMAC-SHA256");
    }

    @Test
    void shouldAnswerEveryRefusalWithTheSameBodyAndKeepTheReasonOffTheWire() throws Exception {
        HttpResponse<String> answer = send("GET", EMPLOYEE, client.tba().withRealm("1234567_sb1"));
        HttpResponse<String> unsigned = client.send(client.request("GET", EMPLOYEE, null).build());

        JsonNode body = json.readTree(answer.body());
        assertThat(body.path("title").asText()).isEqualTo("Unauthorized");
        assertThat(body.path("status").asInt()).isEqualTo(401);
        assertThat(body.path("type").asText()).startsWith("https://www.w3.org/Protocols/rfc2616/rfc2616-sec10.html");
        assertThat(body.path("o:errorDetails").get(0).path("o:errorCode").asText()).isEqualTo("INVALID_LOGIN");
        assertThat(body.path("o:errorDetails").get(0).path("detail").asText()).isEqualTo(INVALID_LOGIN);
        assertThat(unsigned.body()).isEqualTo(answer.body());
        assertThat(answer.body()).doesNotContain("realm");
        assertThat(sandbox.stats().failedLogins()).isEqualTo(2);
    }

    private HttpResponse<String> send(String method, String path, SandboxClient.Tba tba) {
        HttpRequest request = client.request(method, path, null)
                .header("Authorization", client.authorization(method, client.url(path), tba)).build();
        return client.send(request);
    }

    private LoginAttempt lastAttempt() {
        List<LoginAttempt> trail = sandbox.stats().loginAuditTrail();
        return trail.get(trail.size() - 1);
    }
}
