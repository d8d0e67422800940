package dev.nsbridge.sandbox.netsuite;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.http.HttpResponse;
import java.time.Duration;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

final class LockoutTest {
    private static final String CUSTOMER = "/services/rest/record/v1/customer/101";

    private NetSuiteSandbox sandbox;
    private SandboxClient client;

    @BeforeEach
    void start() {
        sandbox = NetSuiteSandbox.start(NetSuiteSandbox.Options.defaults(), new HandMadeAccount());
        client = new SandboxClient(sandbox);
    }

    @AfterEach
    void stop() {
        sandbox.close();
    }

    @Test
    void shouldLockTheUserAfterFiveFailedLoginsAndReleaseItAfterThirtyMinutes() {
        failLogins(5);

        assertThat(good().statusCode()).isEqualTo(401);
        assertThat(lastReason()).contains("locked out");

        sandbox.clock().advance(Duration.ofMinutes(29));
        assertThat(good().statusCode()).isEqualTo(401);

        sandbox.clock().advance(Duration.ofMinutes(1).plusSeconds(1));
        assertThat(good().statusCode()).isEqualTo(200);
    }

    @Test
    void shouldGiveOnlyOneMoreTryOnceTheLockExpires() {
        failLogins(5);
        sandbox.clock().advance(Duration.ofMinutes(31));

        failLogins(1);

        assertThat(good().statusCode()).isEqualTo(401);
        assertThat(lastReason()).contains("locked out");
    }

    @Test
    void shouldResetTheCountOnASuccess() {
        failLogins(4);
        assertThat(good().statusCode()).isEqualTo(200);
        failLogins(4);

        assertThat(good().statusCode()).isEqualTo(200);
    }

    @Test
    void shouldCountTokenEndpointFailuresTowardsTheLockout() {
        failLogins(3);
        OAuth2Assertions assertions = new OAuth2Assertions(sandbox);
        for (int i = 0; i < 2; i++) {
            HttpResponse<String> refused = assertions.requestToken(assertions.builder("PS256")
                    .audience("https://elsewhere.example/token").build(), "PS256");
            // A refused grant answers OAuth's 400 invalid_grant, and still counts as a failed login of the user.
            assertThat(refused.statusCode()).isEqualTo(400);
            assertThat(refused.body()).contains("invalid_grant");
        }

        assertThat(good().statusCode()).isEqualTo(401);
        assertThat(sandbox.stats().failedLogins()).isEqualTo(6);
    }

    @Test
    void shouldNotLockAnybodyOutForRequestsThatNameNoUser() {
        for (int i = 0; i < 6; i++) {
            assertThat(client.send(client.request("GET", CUSTOMER, null)
                    .header("Authorization", "Bearer not-a-token").build()).statusCode()).isEqualTo(401);
        }

        assertThat(good().statusCode()).isEqualTo(200);
    }

    private void failLogins(int count) {
        for (int i = 0; i < count; i++) {
            HttpResponse<String> refused = client.send(client.request("GET", CUSTOMER, null)
                    .header("Authorization", client.authorization("GET", client.url(CUSTOMER),
                            client.tba().withConsumerSecret("wrong"))).build());
            assertThat(refused.statusCode()).isEqualTo(401);
        }
    }

    private HttpResponse<String> good() {
        return client.signed("GET", CUSTOMER, null);
    }

    private String lastReason() {
        var trail = sandbox.stats().loginAuditTrail();
        return trail.get(trail.size() - 1).reason();
    }
}
