package dev.nsbridge.engine.config;

import static org.assertj.core.api.Assertions.assertThat;

import dev.nsbridge.engine.secret.SecretBox;
import dev.nsbridge.engine.secret.SecretKeys;
import java.nio.file.Path;
import java.security.SecureRandom;
import java.util.Arrays;
import java.util.Base64;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

final class EncryptedSecretsConfigTest {
    private static final String PLAIN = "tok-very-secret-123";
    private static final byte[] KEY = key(7);

    @TempDir
    Path home;
    private final Map<String, String> environment = new HashMap<>(Map.of("ACCOUNT_ID", "4711",
            SecretKeys.KEY_VARIABLE, Base64.getEncoder().encodeToString(KEY)));

    private static byte[] key(int seed) {
        byte[] key = new byte[32];
        Arrays.fill(key, (byte) seed);
        return key;
    }

    private static String encrypt(byte[] key, String keyPath) {
        return new SecretBox(key, new SecureRandom()).encrypt(keyPath, PLAIN);
    }

    private ConfigReport check(String yaml) {
        return new ConfigLoader(ConfigLoaderTest.REGISTRY, environment::get,
                new SecretKeys(environment::get, home, new SecureRandom())).check(Path.of("nsbridge.yaml"), yaml);
    }

    private static String withToken(String value) {
        return ConfigLoaderTest.VALID.replace("${SRC_TOKEN}", value);
    }

    private static List<String> rendered(ConfigReport report) {
        return report.errors().stream().map(ConfigIssue::render).toList();
    }

    @Test
    void shouldDecryptAnEncryptedSecretOnLoad() {
        ConfigReport report = check(withToken(encrypt(KEY, "connections.src.token")));

        assertThat(report.errors()).isEmpty();
        assertThat(report.warnings()).isEmpty(); // encrypted is how a secret may be written in the file
        NsbridgeConfig config = report.orThrow();
        assertThat(config.connections().get("src").values().get(ConfigLoaderTest.TOKEN).reveal()).isEqualTo(PLAIN);
        assertThat(config.toString()).doesNotContain(PLAIN);
    }

    @Test
    void shouldNameTheKeyPathAndLineWhenTheKeyIsWrong() {
        String stored = encrypt(key(8), "connections.src.token");

        ConfigReport report = check(withToken(stored));

        assertThat(rendered(report)).containsExactly("nsbridge.yaml line 5: connections.src.token: is encrypted but"
                + " does not open with the secret key from environment variable NSBRIDGE_SECRET_KEY: it was"
                + " encrypted with another key or for another key path, or it was changed; use the key it was"
                + " encrypted with, or encrypt it again with nsbridge secret encrypt connections.src.token");
        assertThat(rendered(report)).allSatisfy(line -> assertThat(line).doesNotContain(PLAIN, stored));
    }

    @Test
    void shouldRefuseAValueMovedFromAnotherKey() {
        ConfigReport report = check(withToken(encrypt(KEY, "connections.other.token")));

        assertThat(rendered(report)).singleElement().satisfies(line ->
                assertThat(line).startsWith("nsbridge.yaml line 5: connections.src.token: is encrypted but does not"
                        + " open").doesNotContain(PLAIN));
    }

    @Test
    void shouldRefuseATamperedValue() {
        String stored = encrypt(KEY, "connections.src.token");
        String tampered = stored.substring(0, 10) + (stored.charAt(10) == 'A' ? 'B' : 'A') + stored.substring(11);

        assertThat(rendered(check(withToken(tampered)))).singleElement().satisfies(line ->
                assertThat(line).contains("connections.src.token: is encrypted but does not open"));
        assertThat(rendered(check(withToken("enc:v1:AAAA")))).containsExactly("nsbridge.yaml line 5:"
                + " connections.src.token: is not a whole enc:v1: value (it may have been cut short when copied);"
                + " paste the full value nsbridge secret encrypt printed, or encrypt it again");
    }

    @Test
    void shouldRefuseAnEncryptedValueOnAKeyThatIsNotASecret() {
        String yaml = withToken(encrypt(KEY, "connections.src.token")).replace("${ACCOUNT_ID}",
                encrypt(KEY, "connections.src.account"));

        assertThat(rendered(check(yaml))).containsExactly("nsbridge.yaml line 4: connections.src.account: is an"
                + " encrypted value, but this key does not hold a secret; write the value itself; only secret keys"
                + " take enc: values");
    }

    @Test
    void shouldSayWhereToPutTheKeyWhenThereIsNone() {
        environment.remove(SecretKeys.KEY_VARIABLE);

        assertThat(rendered(check(withToken(encrypt(KEY, "connections.src.token"))))).containsExactly(
                "nsbridge.yaml line 5: connections.src.token: is encrypted, but no secret key was found; set"
                        + " NSBRIDGE_SECRET_KEY to the key, or put the key file at "
                        + home.resolve(".config/nsbridge/secret.key") + " (or where NSBRIDGE_SECRET_KEY_FILE points)");
    }

    @Test
    void shouldNeedNoKeyForAFileWithoutEncryptedValues() {
        environment.put(SecretKeys.KEY_VARIABLE, "not a key");
        environment.put("SRC_TOKEN", PLAIN);

        assertThat(check(ConfigLoaderTest.VALID).errors()).isEmpty();
    }
}
