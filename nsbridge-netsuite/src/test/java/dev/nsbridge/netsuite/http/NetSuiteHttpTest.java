package dev.nsbridge.netsuite.http;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.nsbridge.netsuite.NetSuiteAccountId;
import dev.nsbridge.netsuite.governance.ConcurrencyGate;
import dev.nsbridge.netsuite.governance.LoginGuard;
import dev.nsbridge.netsuite.governance.LoginIdentity;
import dev.nsbridge.netsuite.testing.FakeNetSuite;
import dev.nsbridge.netsuite.testing.FakeNetSuite.Answer;
import dev.nsbridge.netsuite.testing.FixedAuth;
import dev.nsbridge.netsuite.testing.RecordingSleeper;
import dev.nsbridge.spi.errors.AuthenticationException;
import dev.nsbridge.spi.errors.ConfigurationException;
import dev.nsbridge.spi.errors.RecordException;
import dev.nsbridge.spi.errors.TransientException;
import java.net.http.HttpClient;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.Map;
import java.util.Random;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

final class NetSuiteHttpTest {
    private static final NetSuiteAccountId ACCOUNT = NetSuiteAccountId.parse("1234567_SB1");
    private static final NetSuiteRequest QUERY = NetSuiteRequest.withBody("POST",
            "/services/rest/query/v1/suiteql?limit=10&offset=0", Map.of("Prefer", "transient"), "{\"q\":\"x\"}");

    @TempDir
    Path state;
    private final RecordingSleeper sleeper = new RecordingSleeper();
    private final FixedAuth auth = new FixedAuth();
    private FakeNetSuite server;

    @AfterEach
    void stop() {
        if (server != null) {
            server.close();
        }
    }

    private NetSuiteHttp http(RetryPolicy policy) {
        return new NetSuiteHttp(ACCOUNT, server.baseUrl(), auth, HttpClient.newHttpClient(), new ConcurrencyGate(2),
                new LoginGuard(LoginIdentity.of(ACCOUNT, auth), state, Clock.systemUTC()), policy,
                new Backoff(policy, new Random(7)), sleeper, new RetryAfter(Clock.systemUTC()));
    }

    private static RetryPolicy attempts(int count) {
        return new RetryPolicy(count, Duration.ofMillis(10), Duration.ofMillis(100));
    }

    @Test
    void shouldRideOutThrottlingServerErrorsAndDroppedConnections() throws Exception {
        AtomicInteger calls = new AtomicInteger();
        server = new FakeNetSuite(request -> switch (calls.incrementAndGet()) {
            case 1 -> Answer.error(429, "CONCURRENCY_LIMIT_EXCEEDED", "Concurrent request limit exceeded.");
            case 2 -> Answer.error(500, "UNEXPECTED_ERROR", "An unexpected error occurred. Error ID: x");
            case 3 -> Answer.DROP;
            default -> Answer.json(200, "{\"items\":[]}");
        });

        NetSuiteResponse response = http(attempts(5)).send(QUERY);

        assertThat(response.body()).isEqualTo("{\"items\":[]}");
        assertThat(calls).hasValue(4);
        assertThat(sleeper.waits()).hasSize(3).allSatisfy(wait -> assertThat(wait).isBetween(Duration.ZERO,
                Duration.ofMillis(100)));
    }

    @Test
    void shouldSignEveryRequestAndMarkSuiteQlTransient() throws Exception {
        server = new FakeNetSuite(request -> Answer.json(200, "{}"));

        http(attempts(1)).send(QUERY);

        FakeNetSuite.Seen seen = server.requests().get(0);
        assertThat(seen.header("Authorization")).isEqualTo("Bearer test-token");
        assertThat(seen.header("Prefer")).isEqualTo("transient");
        assertThat(seen.header("Content-Type")).isEqualTo("application/json");
        assertThat(seen.query()).isEqualTo("limit=10&offset=0");
    }

    @Test
    void shouldGiveUpAsTransientAfterTheLastAttempt() throws Exception {
        server = new FakeNetSuite(request -> Answer.error(429, "CONCURRENCY_LIMIT_EXCEEDED", "Request blocked."));

        assertThatThrownBy(() -> http(attempts(3)).send(QUERY))
                .isInstanceOfSatisfying(TransientException.class, e -> {
                    assertThat(e.code()).isEqualTo("CONCURRENCY_LIMIT_EXCEEDED");
                    assertThat(e.getMessage()).contains("after 3 attempts", "Request blocked.");
                });
        assertThat(server.requests()).hasSize(3);
    }

    @Test
    void shouldWaitAsLongAsRetryAfterAsks() throws Exception {
        AtomicInteger calls = new AtomicInteger();
        server = new FakeNetSuite(request -> calls.incrementAndGet() == 1
                ? new Answer(429, Map.of("Retry-After", "3"), "") : Answer.json(200, "{}"));

        http(attempts(3)).send(QUERY);

        assertThat(sleeper.waits()).containsExactly(Duration.ofSeconds(3));
    }

    @Test
    void shouldNeverRetryARefusedLoginAndTellTheGuard() throws Exception {
        server = new FakeNetSuite(request -> Answer.error(401, "INVALID_LOGIN", "Invalid login attempt. For more"
                + " details, see the Login Audit Trail in the NetSuite UI."));
        NetSuiteHttp http = http(attempts(5));

        assertThatThrownBy(() -> http.send(QUERY)).isInstanceOfSatisfying(AuthenticationException.class, e -> {
            assertThat(e.code()).isEqualTo(ErrorCodes.INVALID_LOGIN);
            assertThat(e.getMessage()).contains("Invalid login attempt.");
            assertThat(e.fix()).hasValueSatisfying(fix -> assertThat(fix).contains("View Login Audit Trail"));
        });
        assertThat(server.requests()).hasSize(1);
        assertThat(sleeper.waits()).isEmpty();
        assertThat(auth.invalidations()).isEqualTo(1);
    }

    @Test
    void shouldTreatABearerChallengeAsARefusedLogin() throws Exception {
        server = new FakeNetSuite(request -> new Answer(401, Map.of("WWW-Authenticate", "Bearer realm=\"1234567_SB1\","
                + " error=\"invalid_token\", error_description=\"Invalid login attempt.\""), ""));

        assertThatThrownBy(() -> http(attempts(5)).send(QUERY)).isInstanceOfSatisfying(AuthenticationException.class,
                e -> assertThat(e.getMessage()).contains("invalid_token"));
    }

    @Test
    void shouldSurfaceNetSuitesTextForABadQuery() throws Exception {
        String detail = "Invalid search query. Detailed unprocessed description follows. Search error occurred:"
                + " Unknown identifier 'nosuchcolumn'.";
        server = new FakeNetSuite(request -> Answer.json(400, "{\"type\":\"x\",\"title\":\"Bad Request\",\"status\":400,"
                + "\"o:errorDetails\":[{\"detail\":\"" + detail + "\",\"o:errorQueryParam\":\"q\","
                + "\"o:errorCode\":\"INVALID_PARAMETER\"}]}"));

        assertThatThrownBy(() -> http(attempts(5)).send(QUERY)).isInstanceOfSatisfying(ConfigurationException.class,
                e -> {
                    assertThat(e.code()).isEqualTo("INVALID_PARAMETER");
                    assertThat(e.getMessage()).contains(detail);
                    assertThat(e.fix()).hasValueSatisfying(fix -> assertThat(fix).contains("query"));
                });
        assertThat(server.requests()).hasSize(1);
    }

    @Test
    void shouldNameTheRolePermissionWhenForbidden() throws Exception {
        server = new FakeNetSuite(request -> Answer.error(403, "INSUFFICIENT_PERMISSION", "Permission Violation"));

        assertThatThrownBy(() -> http(attempts(5)).send(QUERY)).isInstanceOfSatisfying(AuthenticationException.class,
                e -> {
                    assertThat(e.code()).isEqualTo(ErrorCodes.INSUFFICIENT_PERMISSION);
                    assertThat(e.fix()).hasValueSatisfying(fix -> assertThat(fix)
                            .contains("REST Web Services", "SuiteAnalytics Workbook"));
                });
    }

    @Test
    void shouldReportAMissingRecordAsARecordError() throws Exception {
        server = new FakeNetSuite(request -> Answer.error(404, "NONEXISTENT_ID", "Record does not exist."));

        assertThatThrownBy(() -> http(attempts(5)).send(NetSuiteRequest.get("/services/rest/record/v1/customer/9",
                Map.of()))).isInstanceOfSatisfying(RecordException.class,
                        e -> assertThat(e.getMessage()).contains("Record does not exist."));
    }

    @Test
    void shouldKeepAProxysPageShortWhenTheAnswerIsNotJson() {
        NetSuiteError error = NetSuiteError.parse(502, "<html>" + "x".repeat(1000) + "</html>",
                new com.fasterxml.jackson.databind.ObjectMapper());

        assertThat(error.detail()).hasSizeLessThan(310);
        assertThat(error.errorCode()).isEmpty();
    }
}
