package dev.nsbridge.netsuite.auth;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.nsbridge.netsuite.NetSuiteAccountId;
import dev.nsbridge.spi.errors.ConfigurationException;
import dev.nsbridge.spi.secret.Secret;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import org.junit.jupiter.api.Test;

final class ConnectPasswordTest {
    // Oracle's worked example for SuiteAnalytics Connect token-based passwords.
    private static final String CONSUMER_KEY = "71cc02b731f05895561ef0862d71553a3ac99498a947c3b7beaf4a1e4a29f7c4";
    private static final String CONSUMER_SECRET = "7278da58caf07f5c336301a601203d10a58e948efa280f0618e25fcee1ef2abd";
    private static final String TOKEN = "89e08d9767c5ac85b374415725567d05b54ecf0960ad2470894a52f741020d82";
    private static final String TOKEN_SECRET = "060cd9ab3ffbbe1e3d3918e90165ffd37ab12acc76b4691046e2d29c7d7674c2";
    private static final String NONCE = "6obMKq0tmY8ylVOdEkA1";
    private static final long TIMESTAMP = 1439829974L;

    private static TbaCredentials credentials() {
        return new TbaCredentials(NetSuiteAccountId.parse("1234567"), Secret.of(CONSUMER_KEY),
                Secret.of(CONSUMER_SECRET), Secret.of(TOKEN), Secret.of(TOKEN_SECRET));
    }

    @Test
    void shouldReproduceOraclesWorkedExample() {
        ConnectPassword passwords = new ConnectPassword(credentials(),
                Clock.fixed(Instant.ofEpochSecond(TIMESTAMP), ZoneOffset.UTC), () -> NONCE);

        Secret password = passwords.next();

        assertThat(password.reveal()).isEqualTo("1234567&" + CONSUMER_KEY + "&" + TOKEN + "&" + NONCE + "&"
                + TIMESTAMP + "&FCghIZqXNetuZY8ILWOFH0ucdfzQOmAuL+q+kF21zPs=&HMAC-SHA256");
        assertThat(password.toString()).isEqualTo("[hidden]");
        assertThat(passwords.toString()).doesNotContain(CONSUMER_KEY, CONSUMER_SECRET, TOKEN, TOKEN_SECRET);
    }

    @Test
    void shouldMakeADifferentPasswordForEveryConnection() {
        ConnectPassword passwords = new ConnectPassword(credentials(), Clock.systemUTC());

        assertThat(passwords.next()).isNotEqualTo(passwords.next());
    }

    @Test
    void shouldBuildTheConnectUrlForTheNetSuite2DataSource() {
        ConnectJdbcUrl url = new ConnectJdbcUrl(NetSuiteAccountId.parse("1234567-sb1"), "3");

        assertThat(url.url()).isEqualTo("jdbc:ns://1234567-sb1.connect.api.netsuite.com:1708;"
                + "ServerDataSource=NetSuite2.com;Encrypted=1;NegotiateSSLClose=false;"
                + "CustomProperties=(AccountID=1234567_SB1;RoleID=3)");
        assertThat(url.user()).isEqualTo("TBA");
    }

    @Test
    void shouldRefuseARoleIdThatIsNotANumber() {
        assertThatThrownBy(() -> new ConnectJdbcUrl(NetSuiteAccountId.parse("1234567"), "Administrator"))
                .isInstanceOf(ConfigurationException.class)
                .hasMessageContaining("role id");
    }
}
