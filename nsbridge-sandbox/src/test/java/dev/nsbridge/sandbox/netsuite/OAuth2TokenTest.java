package dev.nsbridge.sandbox.netsuite;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.nimbusds.jwt.JWTClaimsSet;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.time.Instant;
import java.util.Date;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

@TestInstance(TestInstance.Lifecycle.PER_CLASS)
final class OAuth2TokenTest {
    private static final String CUSTOMER = "/services/rest/record/v1/customer/101";

    private final ObjectMapper json = new ObjectMapper();
    private NetSuiteSandbox sandbox;
    private SandboxClient client;
    private OAuth2Assertions assertions;

    @BeforeAll
    void start() {
        sandbox = NetSuiteSandbox.start(NetSuiteSandbox.Options.defaults(), new HandMadeAccount());
        client = new SandboxClient(sandbox);
        assertions = new OAuth2Assertions(sandbox);
    }

    @AfterAll
    void stop() {
        sandbox.close();
    }

    @BeforeEach
    void keepTheUserUnlocked() {
        // A success resets the failed-login count, so refusals in one test cannot lock out the next.
        assertThat(client.signed("GET", CUSTOMER, null).statusCode()).isEqualTo(200);
    }

    @ParameterizedTest
    @ValueSource(strings = {"PS256", "PS384", "PS512", "ES256"})
    void shouldIssueATokenForAValidAssertionAndAcceptItAsBearer(String algorithm) throws Exception {
        HttpResponse<String> answer = assertions.requestToken(assertions.builder(algorithm).build(), algorithm);

        assertThat(answer.statusCode()).isEqualTo(200);
        JsonNode token = json.readTree(answer.body());
        assertThat(json.writeValueAsString(fieldNames(token))).isEqualTo("[\"access_token\",\"expires_in\",\"token_type\"]");
        assertThat(token.path("expires_in").asInt()).isEqualTo(3600);
        assertThat(token.path("token_type").asText()).isEqualTo("Bearer");
        assertThat(bearer(token.path("access_token").asText()).statusCode()).isEqualTo(200);
    }

    @Test
    void shouldAcceptTheScopeAsAnArrayOrACommaSeparatedString() {
        JWTClaimsSet array = assertions.builder("ES256").claim("scope", List.of("restlets", "rest_webservices")).build();
        JWTClaimsSet commas = assertions.builder("ES256").claim("scope", "restlets,rest_webservices").build();

        assertThat(assertions.requestToken(array, "ES256").statusCode()).isEqualTo(200);
        assertThat(assertions.requestToken(commas, "ES256").statusCode()).isEqualTo(200);
    }

    @Test
    void shouldRefuseAnAlgorithmThatDoesNotFitTheCertificate() {
        String rsaKeyUnderEcKid = assertions.sign(assertions.builder("PS256").build(), "PS256",
                ecCertificateId());

        String ecKeyUnderRsaKid = assertions.sign(assertions.builder("ES256").build(), "ES256", rsaCertificateId());

        assertOAuthError(assertions.postToken(rsaKeyUnderEcKid), 401, "invalid_client");
        assertThat(lastReason()).contains("does not fit");
        assertOAuthError(assertions.postToken(ecKeyUnderRsaKid), 401, "invalid_client");
        assertThat(lastReason()).contains("does not fit");
    }

    @Test
    void shouldRefuseAReusedJti() {
        JWTClaimsSet claims = assertions.builder("PS256").build();

        assertThat(assertions.requestToken(claims, "PS256").statusCode()).isEqualTo(200);
        assertOAuthError(assertions.requestToken(claims, "PS256"), 400, "invalid_grant");
        assertThat(lastReason()).isEqualTo("jti already used");
    }

    @Test
    void shouldRefuseWrongClaims() {
        Instant now = sandbox.clock().instant();
        assertRefused(assertions.builder("ES256").issuer("someone-else").build(), 401, "invalid_client", "iss");
        assertRefused(assertions.builder("ES256").audience("https://elsewhere.example/token").build(), 400,
                "invalid_grant", "aud");
        assertRefused(assertions.builder("ES256").claim("scope", "restlets").build(), 400, "invalid_scope", "scope");
        // iat and exp from the same instant: the builder's own iat is read later, and a second boundary crossed
        // in between under load would make the lifetime 59:59, which is allowed.
        assertRefused(assertions.builder("ES256").issueTime(Date.from(now))
                .expirationTime(Date.from(now.plus(Duration.ofMinutes(60)))).build(), 400, "invalid_grant",
                "60 minutes");
        assertRefused(assertions.builder("ES256").issueTime(Date.from(now.minus(Duration.ofMinutes(20))))
                .expirationTime(Date.from(now.minusSeconds(1))).build(), 400, "invalid_grant", "expired");
    }

    @Test
    void shouldRefuseAnUnknownKidAndAGarbageAssertion() {
        assertOAuthError(assertions.postToken(assertions.sign(assertions.builder("ES256").build(), "ES256",
                "unmapped")), 401, "invalid_client");
        assertThat(lastReason()).contains("kid");
        assertOAuthError(assertions.postToken("not.a.jwt"), 400, "invalid_request");
    }

    @Test
    void shouldRefuseAnExpiredBearerWithAChallenge() throws Exception {
        String token = json.readTree(assertions.requestToken(assertions.builder("ES256").build(), "ES256").body())
                .path("access_token").asText();
        sandbox.clock().advance(Duration.ofMinutes(61));
        HttpResponse<String> answer;
        try {
            answer = bearer(token);
        } finally {
            sandbox.clock().advance(Duration.ofMinutes(-61));
        }

        assertThat(answer.statusCode()).isEqualTo(401);
        assertThat(answer.headers().firstValue("WWW-Authenticate")).hasValue("Bearer realm=\"1234567_SB1\","
                + " error=\"invalid_token\", error_description=\"Invalid login attempt.\"");
        assertThat(lastReason()).isEqualTo("bearer token expired");
    }

    @Test
    void shouldRefuseAGarbageBearerWithAChallenge() throws Exception {
        HttpResponse<String> answer = bearer("garbage");

        assertThat(answer.statusCode()).isEqualTo(401);
        assertThat(answer.headers().firstValue("WWW-Authenticate")).isPresent();
        assertThat(json.readTree(answer.body()).path("o:errorDetails").get(0).path("o:errorCode").asText())
                .isEqualTo("INVALID_LOGIN");
    }

    @Test
    void shouldAnswerMalformedTokenRequestsInOAuthsErrorShape() {
        String type = "client_assertion_type=urn%3Aietf%3Aparams%3Aoauth%3Aclient-assertion-type%3Ajwt-bearer";
        String assertion = "client_assertion=" + assertions.sign(assertions.builder("ES256").build(), "ES256");

        assertOAuthError(assertions.postForm(type + "&" + assertion), 400, "invalid_request");
        assertOAuthError(assertions.postForm("grant_type=authorization_code&" + type + "&" + assertion), 400,
                "unsupported_grant_type");
        assertOAuthError(assertions.postForm("grant_type=client_credentials&client_assertion_type=basic&"
                + assertion), 400, "invalid_request");
        assertOAuthError(assertions.postForm("grant_type=client_credentials&" + type), 400, "invalid_request");
    }

    /**
     * NetSuite's token endpoint answers {"error": "<error_value>"} (subsect_158521832417), never the REST error
     * shape; invalid_client comes with a Basic challenge naming the account.
     */
    private void assertOAuthError(HttpResponse<String> answer, int status, String error) {
        assertThat(answer.statusCode()).isEqualTo(status);
        JsonNode body;
        try {
            body = json.readTree(answer.body());
        } catch (java.io.IOException notJson) {
            throw new AssertionError("not JSON: " + answer.body(), notJson);
        }
        assertThat(fieldNames(body)).containsExactly("error");
        assertThat(body.path("error").asText()).isEqualTo(error);
        assertThat(answer.headers().firstValue("Cache-Control")).hasValue("no-store");
        if (status == 401) {
            assertThat(answer.headers().firstValue("WWW-Authenticate"))
                    .hasValue("Basic realm=\"" + sandbox.accountId() + "\"");
        }
    }

    private void assertRefused(JWTClaimsSet claims, int status, String error, String reason) {
        assertOAuthError(assertions.requestToken(claims, "ES256"), status, error);
        assertThat(lastReason()).contains(reason);
        assertThat(client.signed("GET", CUSTOMER, null).statusCode()).isEqualTo(200);
    }

    private HttpResponse<String> bearer(String token) {
        return client.send(client.request("GET", CUSTOMER, null).header("Authorization", "Bearer " + token).build());
    }

    private String ecCertificateId() {
        return certificateId("EC");
    }

    private String rsaCertificateId() {
        return certificateId("RSA");
    }

    private String certificateId(String keyType) {
        return sandbox.credentials().oauth2().certificates().stream()
                .filter(certificate -> certificate.keyType().equals(keyType)).findFirst().orElseThrow().id();
    }

    private String lastReason() {
        var trail = sandbox.stats().loginAuditTrail();
        return trail.get(trail.size() - 1).reason();
    }

    private static List<String> fieldNames(JsonNode node) {
        List<String> names = new java.util.ArrayList<>();
        node.fieldNames().forEachRemaining(names::add);
        return names;
    }
}
