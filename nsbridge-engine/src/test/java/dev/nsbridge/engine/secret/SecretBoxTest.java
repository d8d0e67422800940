package dev.nsbridge.engine.secret;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.nsbridge.spi.errors.ConfigurationException;
import java.security.SecureRandom;
import java.util.Base64;
import org.junit.jupiter.api.Test;

final class SecretBoxTest {
    private static final String PLAIN = "tok-very-secret-123";
    private static final String PATH = "connections.erp.token";

    private static SecretBox box(int seed) {
        byte[] key = new byte[32];
        java.util.Arrays.fill(key, (byte) seed);
        return new SecretBox(key, new SecureRandom());
    }

    @Test
    void shouldDecryptWhatItEncrypted() {
        SecretBox box = box(1);

        String stored = box.encrypt(PATH, PLAIN);

        assertThat(stored).startsWith("enc:v1:").doesNotContain(PLAIN);
        assertThat(box.decrypt(PATH, stored).reveal()).isEqualTo(PLAIN);
        assertThat(box.encrypt(PATH, PLAIN)).isNotEqualTo(stored); // a fresh IV each time
        assertThat(SecretBox.isEncrypted(stored)).isTrue();
        assertThat(SecretBox.isEncrypted(PLAIN)).isFalse();
    }

    @Test
    void shouldDetectAChangedValue() {
        SecretBox box = box(1);
        byte[] bytes = Base64.getDecoder().decode(box.encrypt(PATH, PLAIN).substring("enc:v1:".length()));
        bytes[bytes.length - 20] ^= 1;
        String tampered = "enc:v1:" + Base64.getEncoder().encodeToString(bytes);

        assertThatThrownBy(() -> box.decrypt(PATH, tampered)).isInstanceOf(ConfigurationException.class)
                .satisfies(e -> assertThat(((ConfigurationException) e).code()).isEqualTo("SECRET_NOT_DECRYPTABLE"))
                .hasMessageContaining(PATH).hasMessageNotContaining(PLAIN).hasMessageNotContaining(tampered);
    }

    @Test
    void shouldRefuseAValueEncryptedWithAnotherKey() {
        String stored = box(1).encrypt(PATH, PLAIN);

        assertThatThrownBy(() -> box(2).decrypt(PATH, stored)).isInstanceOf(ConfigurationException.class)
                .hasMessageContaining("another key").hasMessageNotContaining(PLAIN);
    }

    @Test
    void shouldRefuseAValueMovedToAnotherKeyPath() {
        SecretBox box = box(1);
        String stored = box.encrypt(PATH, PLAIN);

        assertThatThrownBy(() -> box.decrypt("connections.shop.api_key", stored))
                .isInstanceOf(ConfigurationException.class).hasMessageContaining("connections.shop.api_key")
                .hasMessageNotContaining(PLAIN);
    }

    @Test
    void shouldNameAMalformedOrNewerValueWithoutQuotingIt() {
        SecretBox box = box(1);

        assertThatThrownBy(() -> box.decrypt(PATH, "enc:v1:not base64!")).hasMessageContaining("not a whole")
                .hasMessageNotContaining("not base64!");
        assertThatThrownBy(() -> box.decrypt(PATH, "enc:v1:AAAA")).hasMessageContaining("not a whole");
        assertThatThrownBy(() -> box.decrypt(PATH, "enc:v9:AAAA")).hasMessageContaining("does not know");
    }

    @Test
    void shouldNeverShowItsKey() {
        byte[] key = new byte[32];
        java.util.Arrays.fill(key, (byte) 'k');
        SecretBox box = new SecretBox(key, new SecureRandom());

        assertThat(box.toString()).isEqualTo("SecretBox[key hidden]").doesNotContain("kkkk")
                .doesNotContain(Base64.getEncoder().encodeToString(key));
        assertThatThrownBy(() -> new SecretBox(new byte[16], new SecureRandom()))
                .isInstanceOf(IllegalArgumentException.class);
    }
}
