package dev.nsbridge.netsuite.auth;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.nsbridge.netsuite.NetSuiteAccountId;
import dev.nsbridge.spi.errors.ConfigurationException;
import dev.nsbridge.spi.secret.Secret;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.HashSet;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

final class TbaAuthTest {
    private static final Clock ORACLE_TIME =
            Clock.fixed(Instant.ofEpochSecond(TbaSignatureTest.TIMESTAMP), ZoneOffset.UTC);
    private static final Pattern NONCE = Pattern.compile("oauth_nonce=\"([^\"]*)\"");

    @Test
    void shouldSignWithTheClocksTimestampAndTheGivenNonce() {
        TbaAuth auth = new TbaAuth(TbaSignatureTest.oracleCredentials("123456"), ORACLE_TIME,
                () -> TbaSignatureTest.NONCE);

        assertThat(auth.authorization("GET", TbaSignatureTest.EMPLOYEE))
                .contains("oauth_timestamp=\"1508242306\"")
                .endsWith("oauth_signature=\"B5OIWznZ2YP0OB7VrJrGkYsTh%2B8H%2B5T9Hag%2Bo92q0zY%3D\"");
        assertThat(auth.method()).isEqualTo("tba");
    }

    @Test
    void shouldUseAFreshTwentyCharacterNonceForEveryRequest() {
        TbaAuth auth = new TbaAuth(TbaSignatureTest.oracleCredentials("123456"), ORACLE_TIME);
        Set<String> nonces = new HashSet<>();

        for (int i = 0; i < 100; i++) {
            Matcher matcher = NONCE.matcher(auth.authorization("GET", TbaSignatureTest.EMPLOYEE));
            assertThat(matcher.find()).isTrue();
            assertThat(matcher.group(1)).matches("[A-Za-z0-9]{20}");
            nonces.add(matcher.group(1));
        }

        assertThat(nonces).hasSize(100);
    }

    @Test
    void shouldRefuseMissingCredentialsNamingTheSettingButNoValue() {
        assertThatThrownBy(() -> new TbaCredentials(NetSuiteAccountId.parse("123456"),
                Secret.of(TbaSignatureTest.CONSUMER_KEY), Secret.of(TbaSignatureTest.CONSUMER_SECRET),
                Secret.of(" "), Secret.of(TbaSignatureTest.TOKEN_SECRET)))
                .isInstanceOf(ConfigurationException.class)
                .hasMessageContaining("NETSUITE_TOKEN_ID")
                .hasMessageNotContaining(TbaSignatureTest.CONSUMER_KEY)
                .hasMessageNotContaining(TbaSignatureTest.CONSUMER_SECRET);
    }

    @Test
    void shouldKeepSecretsOutOfToString() {
        TbaAuth auth = new TbaAuth(TbaSignatureTest.oracleCredentials("123456"), ORACLE_TIME);

        assertThat(auth.toString()).isEqualTo("TbaAuth[account=123456]");
    }
}
