package dev.nsbridge.netsuite.auth;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import dev.nsbridge.netsuite.NetSuiteAccountId;
import dev.nsbridge.spi.errors.ConfigurationException;
import dev.nsbridge.spi.secret.Secret;
import java.net.URI;
import java.net.http.HttpClient;
import java.time.Clock;
import java.util.List;
import org.junit.jupiter.api.Test;

final class OAuth2CredentialsTest {
    private static final NetSuiteAccountId ACCOUNT = NetSuiteAccountId.parse("1234567-sb1");
    private static final Secret CLIENT_ID = Secret.of("client-id-value");

    private static OAuth2Credentials credentials(String pem) {
        return OAuth2Credentials.of(ACCOUNT, CLIENT_ID, "cert-1", Secret.of(pem));
    }

    private static ConfigurationException refusal(OAuth2Credentials credentials) {
        return catchThrowableOfType(() -> new OAuth2ClientCredentials(credentials, HttpClient.newHttpClient(),
                Clock.systemUTC()), ConfigurationException.class);
    }

    @Test
    void shouldDefaultToTheRestHostsTokenEndpointAndTheRestScope() {
        OAuth2Credentials credentials = credentials(TestKeys.pem(TestKeys.RSA_3072.getPrivate()));

        assertThat(credentials.tokenUrl()).isEqualTo(URI.create(
                "https://1234567-sb1.suitetalk.api.netsuite.com/services/rest/auth/oauth2/v1/token"));
        assertThat(credentials.scopes()).containsExactly("rest_webservices");
        assertThat(OAuth2Credentials.tokenUrlAt(URI.create("http://127.0.0.1:41234/")))
                .isEqualTo(URI.create("http://127.0.0.1:41234/services/rest/auth/oauth2/v1/token"));
    }

    @Test
    void shouldFollowTheKeyWhenNoAlgorithmIsChosen() {
        assertThat(credentials(TestKeys.pem(TestKeys.RSA_3072.getPrivate())).algorithm())
                .isEqualTo(OAuth2Algorithm.PS256);
        assertThat(credentials(TestKeys.pem(TestKeys.EC_P256.getPrivate())).algorithm())
                .isEqualTo(OAuth2Algorithm.ES256);
        assertThat(credentials(TestKeys.pem(TestKeys.EC_P384.getPrivate())).algorithm())
                .isEqualTo(OAuth2Algorithm.ES384);
        assertThat(OAuth2Algorithm.parse(" ps512 ")).isEqualTo(OAuth2Algorithm.PS512);
    }

    @Test
    void shouldRefuseAnAlgorithmThatDoesNotFitTheKeyNamingTheSettingAndTheFix() {
        ConfigurationException rsaAsEc = refusal(credentials(TestKeys.pem(TestKeys.RSA_3072.getPrivate()))
                .withAlgorithm(OAuth2Algorithm.ES256));
        ConfigurationException wrongCurve = refusal(credentials(TestKeys.pem(TestKeys.EC_P256.getPrivate()))
                .withAlgorithm(OAuth2Algorithm.ES384));
        ConfigurationException ecAsRsa = refusal(credentials(TestKeys.pem(TestKeys.EC_P256.getPrivate()))
                .withAlgorithm(OAuth2Algorithm.PS256));

        assertThat(rsaAsEc.code()).isEqualTo("NETSUITE_OAUTH2_ALGORITHM");
        assertThat(rsaAsEc.getMessage()).contains("ES256", "RSA");
        assertThat(rsaAsEc.fix()).get().asString().contains("NETSUITE_OAUTH2_ALGORITHM to PS256");
        assertThat(wrongCurve.getMessage()).contains("P-384", "P-256");
        assertThat(wrongCurve.fix()).get().asString().contains("to ES256");
        assertThat(ecAsRsa.fix()).get().asString().contains("to ES256");
    }

    @Test
    void shouldRefuseAnUnknownAlgorithmListingTheChoices() {
        ConfigurationException refused = catchThrowableOfType(() -> OAuth2Algorithm.parse("RS256"),
                ConfigurationException.class);

        assertThat(refused.code()).isEqualTo("NETSUITE_OAUTH2_ALGORITHM");
        assertThat(refused.fix()).get().asString().contains("PS256", "ES512");
    }

    @Test
    void shouldExplainAKeyThatIsNotPkcs8WithoutQuotingIt() {
        String pkcs8 = TestKeys.pem(TestKeys.RSA_3072.getPrivate());
        String pkcs1Label = pkcs8.replace("BEGIN PRIVATE KEY", "BEGIN RSA PRIVATE KEY")
                .replace("END PRIVATE KEY", "END RSA PRIVATE KEY");
        String garbled = pkcs8.replaceFirst("\n", "\n=A");
        String truncated = pkcs8.substring(0, 200) + "\n-----END PRIVATE KEY-----\n";

        ConfigurationException oldForm = catchThrowableOfType(() -> credentials(pkcs1Label),
                ConfigurationException.class);
        assertThat(oldForm.code()).isEqualTo("NETSUITE_OAUTH2_PRIVATE_KEY");
        assertThat(oldForm.getMessage()).contains("PKCS#1");
        assertThat(oldForm.fix()).get().asString().contains("openssl pkcs8 -topk8 -nocrypt");
        for (String pem : List.of(pkcs1Label, garbled, truncated)) {
            ConfigurationException refused = catchThrowableOfType(() -> credentials(pem),
                    ConfigurationException.class);
            assertThat(OAuth2ClientCredentialsTest.describe(refused))
                    .doesNotContain(TestKeys.base64(TestKeys.RSA_3072.getPrivate()).substring(40, 104));
        }
    }

    @Test
    void shouldRefuseMissingValuesAndUnknownScopes() {
        String pem = TestKeys.pem(TestKeys.EC_P256.getPrivate());

        assertThat(catchThrowableOfType(() -> OAuth2Credentials.of(ACCOUNT, Secret.of(""), "cert-1", Secret.of(pem)),
                ConfigurationException.class).code()).isEqualTo("NETSUITE_OAUTH2_CLIENT_ID");
        assertThat(catchThrowableOfType(() -> OAuth2Credentials.of(ACCOUNT, CLIENT_ID, " ", Secret.of(pem)),
                ConfigurationException.class).code()).isEqualTo("NETSUITE_OAUTH2_CERTIFICATE_ID");
        assertThat(catchThrowableOfType(() -> OAuth2Credentials.of(ACCOUNT, CLIENT_ID, "cert-1", Secret.of("")),
                ConfigurationException.class).code()).isEqualTo("NETSUITE_OAUTH2_PRIVATE_KEY");
        assertThat(catchThrowableOfType(() -> credentials(pem).withScopes(List.of("rest_webservices", "all")),
                ConfigurationException.class).code()).isEqualTo("NETSUITE_OAUTH2_SCOPES");
        assertThat(credentials(pem).toString()).doesNotContain("client-id-value", "PRIVATE KEY");
    }
}
