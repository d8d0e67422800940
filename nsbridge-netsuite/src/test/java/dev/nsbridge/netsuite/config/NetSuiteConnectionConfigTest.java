package dev.nsbridge.netsuite.config;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.nsbridge.netsuite.config.NetSuiteConnectionConfig.AuthMethod;
import dev.nsbridge.spi.config.ConfigDef;
import dev.nsbridge.spi.config.ConfigValues;
import dev.nsbridge.spi.errors.ConfigurationException;
import java.net.URI;
import java.net.http.HttpClient;
import java.time.Clock;
import java.time.ZoneId;
import java.util.HashMap;
import java.util.Map;
import org.junit.jupiter.api.Test;

final class NetSuiteConnectionConfigTest {

    private static ConfigValues parse(Map<String, Object> raw) {
        ConfigDef.Result result = NetSuiteConnectionConfig.DEFINITION.parse(raw);
        assertThat(result.problems()).isEmpty();
        return result.values();
    }

    private static Map<String, Object> tba() {
        Map<String, Object> raw = new HashMap<>();
        raw.put("account", "1234567-sb1");
        raw.put("auth", "tba");
        raw.put("consumer_key", "ck-value");
        raw.put("consumer_secret", "cs-value");
        raw.put("token_id", "ti-value");
        raw.put("token_secret", "ts-value");
        return raw;
    }

    @Test
    void shouldDefaultToOAuth2NetSuitesOwnHostAndTheDocumentedLimits() {
        NetSuiteConnectionConfig config = NetSuiteConnectionConfig.from("netsuite", parse(Map.of(
                "account", "1234567_sb1", "client_id", "id", "certificate_id", "cert", "private_key", "pem")));

        assertThat(config.auth()).isEqualTo(AuthMethod.OAUTH2);
        assertThat(config.accountId().realm()).isEqualTo("1234567_SB1");
        assertThat(config.baseUrl()).isEqualTo(URI.create("https://1234567-sb1.suitetalk.api.netsuite.com"));
        assertThat(config.concurrency()).isEqualTo(5);
        assertThat(config.reserve()).isEqualTo(1);
        assertThat(config.dateFormat()).isEqualTo("M/D/YYYY");
        assertThat(config.timeZone()).isEqualTo(ZoneId.of("America/Los_Angeles"));
    }

    @Test
    void shouldSignWithTbaWhenAskedAndNeverPrintTheSecrets() {
        Map<String, Object> raw = tba();
        raw.put("base_url", "http://127.0.0.1:8089/");
        NetSuiteConnectionConfig config = NetSuiteConnectionConfig.from("netsuite", parse(raw));

        assertThat(config.baseUrl()).isEqualTo(URI.create("http://127.0.0.1:8089"));
        assertThat(config.authenticator(HttpClient.newHttpClient(), Clock.systemUTC()).method()).isEqualTo("tba");
        assertThat(config.toString()).doesNotContain("cs-value", "ts-value", "ck-value", "ti-value");
    }

    @Test
    void shouldNameTheMissingTbaKey() {
        Map<String, Object> raw = tba();
        raw.remove("token_secret");

        assertThatThrownBy(() -> NetSuiteConnectionConfig.from("netsuite", parse(raw)))
                .isInstanceOf(ConfigurationException.class)
                .hasMessageContaining("connections.netsuite.token_secret is required with auth: tba");
    }

    @Test
    void shouldAskForAPrivateKeyWithOAuth2() {
        assertThatThrownBy(() -> NetSuiteConnectionConfig.from("ns", parse(Map.of(
                "account", "1234567", "client_id", "id", "certificate_id", "cert"))))
                .isInstanceOf(ConfigurationException.class).hasMessageContaining("private_key");
    }

    @Test
    void shouldRefuseAnUnknownTimeZoneAndABadUrl() {
        Map<String, Object> zone = tba();
        zone.put("time_zone", "Mars/Olympus");
        Map<String, Object> url = tba();
        url.put("base_url", "not a url");

        assertThatThrownBy(() -> NetSuiteConnectionConfig.from("ns", parse(zone)))
                .hasMessageContaining("time_zone").hasMessageContaining("Mars/Olympus");
        assertThatThrownBy(() -> NetSuiteConnectionConfig.from("ns", parse(url)))
                .hasMessageContaining("base_url");
    }
}
