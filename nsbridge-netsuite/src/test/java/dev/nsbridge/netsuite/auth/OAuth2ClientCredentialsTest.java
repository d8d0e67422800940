package dev.nsbridge.netsuite.auth;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import com.nimbusds.jose.JOSEObjectType;
import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jwt.JWTClaimsSet;
import com.nimbusds.jwt.SignedJWT;
import dev.nsbridge.netsuite.NetSuiteAccountId;
import dev.nsbridge.spi.errors.AuthenticationException;
import dev.nsbridge.spi.errors.NsbridgeException;
import dev.nsbridge.spi.errors.TransientException;
import dev.nsbridge.spi.secret.Secret;
import dev.nsbridge.testsupport.ManualClock;
import java.net.URI;
import java.net.http.HttpClient;
import java.security.KeyPair;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

final class OAuth2ClientCredentialsTest {
    private static final String CLIENT_ID = "f3b2c1d0e9a8b7c6d5e4f3a2b1c0d9e8f7a6b5c4d3e2f1a0b9c8d7e6f5a4b3c2";
    private static final String CERTIFICATE_ID = "pvHJZk-siL5h1bm1pqypdH7dblr_ZYCE8gfODaKqAC4";
    private static final URI QUERY = URI.create("https://1234567-sb1.suitetalk.api.netsuite.com/services/rest/query/v1/suiteql");
    private static final Instant START = Instant.parse("2025-03-01T12:00:00Z");

    private final ManualClock clock = new ManualClock(START);
    private final HttpClient http = HttpClient.newHttpClient();
    private FakeTokenEndpoint endpoint;

    @AfterEach
    void stopEndpoint() {
        if (endpoint != null) {
            endpoint.close();
        }
    }

    private OAuth2ClientCredentials auth(KeyPair keys) {
        endpoint = new FakeTokenEndpoint(keys.getPublic());
        return new OAuth2ClientCredentials(credentials(keys, endpoint.tokenUrl()), http, clock);
    }

    static OAuth2Credentials credentials(KeyPair keys, URI tokenUrl) {
        return OAuth2Credentials.of(NetSuiteAccountId.parse("1234567_SB1"), Secret.of(CLIENT_ID), CERTIFICATE_ID,
                Secret.of(TestKeys.pem(keys.getPrivate()))).withTokenUrl(tokenUrl);
    }

    @Test
    void shouldSendAPs256AssertionThatVerifiesAndCarriesNetSuitesClaims() throws Exception {
        OAuth2ClientCredentials auth = auth(TestKeys.RSA_3072);

        assertThat(auth.authorization("POST", QUERY)).isEqualTo("Bearer access-token-1");

        assertAssertion(JWSAlgorithm.PS256);
        assertThat(endpoint.lastContentType()).startsWith("application/x-www-form-urlencoded");
        assertThat(endpoint.lastForm())
                .containsEntry("grant_type", "client_credentials")
                .containsEntry("client_assertion_type", "urn:ietf:params:oauth:client-assertion-type:jwt-bearer");
        assertThat(auth.method()).isEqualTo("oauth2");
    }

    @Test
    void shouldSendAnEs256AssertionThatVerifies() throws Exception {
        OAuth2ClientCredentials auth = auth(TestKeys.EC_P256);

        assertThat(auth.authorization("GET", QUERY)).isEqualTo("Bearer access-token-1");

        assertAssertion(JWSAlgorithm.ES256);
    }

    private void assertAssertion(JWSAlgorithm algorithm) throws Exception {
        SignedJWT jwt = endpoint.lastAssertion();
        assertThat(jwt.getHeader().getAlgorithm()).isEqualTo(algorithm);
        assertThat(jwt.getHeader().getType()).isEqualTo(JOSEObjectType.JWT);
        assertThat(jwt.getHeader().getKeyID()).isEqualTo(CERTIFICATE_ID);
        JWTClaimsSet claims = jwt.getJWTClaimsSet();
        assertThat(claims.getIssuer()).isEqualTo(CLIENT_ID);
        assertThat(claims.getStringClaim("scope")).isEqualTo("rest_webservices");
        assertThat(claims.getAudience()).containsExactly(endpoint.tokenUrl().toString());
        assertThat(jwt.getPayload().toJSONObject().get("aud")).isEqualTo(endpoint.tokenUrl().toString());
        assertThat(claims.getIssueTime().toInstant()).isEqualTo(START);
        assertThat(Duration.between(claims.getIssueTime().toInstant(), claims.getExpirationTime().toInstant()))
                .isPositive().isLessThan(Duration.ofMinutes(60));
        assertThat(claims.getJWTID()).isNotBlank();
    }

    @Test
    void shouldJoinSeveralScopesAndUseAFreshJwtIdEachTime() throws Exception {
        endpoint = new FakeTokenEndpoint(TestKeys.RSA_3072.getPublic());
        OAuth2ClientCredentials auth = new OAuth2ClientCredentials(credentials(TestKeys.RSA_3072, endpoint.tokenUrl())
                .withScopes(List.of("rest_webservices", "restlets")), http, clock);

        auth.authorization("GET", QUERY);
        String firstId = endpoint.lastAssertion().getJWTClaimsSet().getJWTID();
        auth.invalidate();
        auth.authorization("GET", QUERY);

        assertThat(endpoint.lastAssertion().getJWTClaimsSet().getStringClaim("scope"))
                .isEqualTo("rest_webservices,restlets");
        assertThat(endpoint.lastAssertion().getJWTClaimsSet().getJWTID()).isNotEqualTo(firstId);
    }

    @Test
    void shouldAskForOneTokenWhenManyCallersNeedOneAtOnce() throws Exception {
        OAuth2ClientCredentials auth = auth(TestKeys.EC_P256);
        endpoint.delay(Duration.ofMillis(200));
        ExecutorService callers = Executors.newFixedThreadPool(8);
        try {
            List<Callable<String>> tasks = new ArrayList<>();
            for (int i = 0; i < 40; i++) {
                tasks.add(() -> auth.authorization("GET", QUERY));
            }
            for (Future<String> result : callers.invokeAll(tasks)) {
                assertThat(result.get()).isEqualTo("Bearer access-token-1");
            }
        } finally {
            callers.shutdownNow();
        }

        assertThat(endpoint.calls()).isEqualTo(1);
    }

    @Test
    void shouldRenewTheTokenOnceTheClockPassesExpiryLessTheMargin() {
        OAuth2ClientCredentials auth = auth(TestKeys.EC_P256);

        auth.authorization("GET", QUERY);
        clock.advance(Duration.ofMinutes(55).minusSeconds(1));
        assertThat(auth.authorization("GET", QUERY)).isEqualTo("Bearer access-token-1");
        clock.advance(Duration.ofSeconds(1));
        assertThat(auth.authorization("GET", QUERY)).isEqualTo("Bearer access-token-2");

        assertThat(endpoint.calls()).isEqualTo(2);
    }

    @Test
    void shouldRenewAShortLivedTokenATenthOfItsLifeEarly() {
        OAuth2ClientCredentials auth = auth(TestKeys.EC_P256);
        endpoint.expiresIn(600);

        auth.authorization("GET", QUERY);
        clock.advance(Duration.ofSeconds(539));
        assertThat(auth.authorization("GET", QUERY)).isEqualTo("Bearer access-token-1");
        clock.advance(Duration.ofSeconds(1));
        assertThat(auth.authorization("GET", QUERY)).isEqualTo("Bearer access-token-2");
    }

    @Test
    void shouldDropTheTokenOnInvalidate() {
        OAuth2ClientCredentials auth = auth(TestKeys.RSA_3072);

        auth.authorization("GET", QUERY);
        auth.invalidate();

        assertThat(auth.authorization("GET", QUERY)).isEqualTo("Bearer access-token-2");
        assertThat(endpoint.calls()).isEqualTo(2);
    }

    @Test
    void shouldReportARefusedGrantAsAFailedLoginWithNetSuitesFix() {
        OAuth2ClientCredentials auth = auth(TestKeys.RSA_3072);
        for (int status : new int[] {400, 401}) {
            endpoint.answer(status, "{\"error\":\"invalid_grant\",\"error_description\":\"" + CLIENT_ID + "\"}", null);

            AuthenticationException refused = catchThrowableOfType(
                    () -> auth.authorization("GET", QUERY), AuthenticationException.class);

            assertThat(refused.code()).isEqualTo("INVALID_LOGIN");
            assertThat(refused.getMessage()).contains("HTTP " + status, "invalid_grant").doesNotContain(CLIENT_ID);
            assertThat(refused.fix()).get().asString()
                    .contains("OAuth 2.0 Client Credentials (M2M) Setup", "Enable Features > SuiteCloud",
                            "Log in using OAuth 2.0 Access Tokens", "View Login Audit Trail");
        }
    }

    @Test
    void shouldReportBusyOrFailingEndpointsAsTransient() {
        OAuth2ClientCredentials auth = auth(TestKeys.RSA_3072);

        endpoint.answer(503, "", null);
        assertThatThrownBy(() -> auth.authorization("GET", QUERY)).isInstanceOf(TransientException.class)
                .hasMessageContaining("503");

        endpoint.answer(429, "{\"o:errorDetails\":[{\"o:errorCode\":\"CONCURRENCY_LIMIT_EXCEEDED\"}]}", "7");
        TransientException throttled = catchThrowableOfType(() -> auth.authorization("GET", QUERY),
                TransientException.class);
        assertThat(throttled.retryAfter()).contains(Duration.ofSeconds(7));
        assertThat(throttled.getMessage()).contains("CONCURRENCY_LIMIT_EXCEEDED");

        endpoint.answer(200, "", null);
        assertThat(auth.authorization("GET", QUERY)).startsWith("Bearer access-token-");
    }

    @Test
    void shouldReportAnUnreachableEndpointAsTransient() {
        OAuth2ClientCredentials auth = auth(TestKeys.EC_P256);
        endpoint.close();

        assertThatThrownBy(() -> auth.authorization("GET", QUERY)).isInstanceOf(TransientException.class)
                .hasMessageContaining("could not be reached");
    }

    @Test
    void shouldKeepEverySecretOutOfMessagesAndToString() {
        OAuth2ClientCredentials auth = auth(TestKeys.RSA_3072);
        String token = auth.authorization("GET", QUERY).substring("Bearer ".length());
        List<String> seen = new ArrayList<>(List.of(auth.toString(),
                credentials(TestKeys.RSA_3072, endpoint.tokenUrl()).toString()));
        endpoint.answer(401, "{\"error\":\"" + CLIENT_ID + "\"}", null);
        auth.invalidate();
        seen.add(describe(catchThrowableOfType(() -> auth.authorization("GET", QUERY), NsbridgeException.class)));
        endpoint.answer(500, "{\"error\":\"" + token + "\"}", null);
        seen.add(describe(catchThrowableOfType(() -> auth.authorization("GET", QUERY), NsbridgeException.class)));

        String privateKey = TestKeys.base64(TestKeys.RSA_3072.getPrivate());
        assertThat(seen).allSatisfy(text -> assertThat(text)
                .doesNotContain(CLIENT_ID, token, privateKey.substring(40, 104), "PRIVATE KEY"));
        assertThat(auth.toString()).contains(CERTIFICATE_ID, "PS256");
    }

    static String describe(NsbridgeException e) {
        return e + " " + e.fix().orElse("") + " " + (e.getCause() == null ? "" : e.getCause().toString());
    }
}
