package dev.nsbridge.engine.secret;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import dev.nsbridge.spi.errors.ConfigurationException;
import java.io.IOException;
import java.nio.file.FileSystems;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.SecureRandom;
import java.util.Base64;
import java.util.HashMap;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

final class SecretKeysTest {
    private static final String KEY = Base64.getEncoder().encodeToString(new byte[32]);

    @TempDir
    Path home;
    private final Map<String, String> environment = new HashMap<>();

    private SecretKeys keys() {
        return new SecretKeys(environment::get, home, new SecureRandom());
    }

    @Test
    void shouldCreateAKeyFileOnlyItsOwnerCanReadOnFirstEncrypt() throws IOException {
        assumeTrue(FileSystems.getDefault().supportedFileAttributeViews().contains("posix"));
        assertThat(keys().open()).isEmpty();

        SecretKeys.Opened opened = keys().openOrCreate();

        Path file = home.resolve(".config/nsbridge/secret.key");
        assertThat(opened.created()).isTrue();
        assertThat(opened.source()).isEqualTo(file.toString());
        assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(file))).isEqualTo("rw-------");
        assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(file.getParent())))
                .isEqualTo("rwx------");
        String stored = opened.box().encrypt("connections.erp.token", "plain");
        SecretKeys.Opened again = keys().openOrCreate();
        assertThat(again.created()).isFalse();
        assertThat(again.box().decrypt("connections.erp.token", stored).reveal()).isEqualTo("plain");
    }

    @Test
    void shouldRefuseAKeyFileOthersCanRead() throws IOException {
        assumeTrue(FileSystems.getDefault().supportedFileAttributeViews().contains("posix"));
        Path file = home.resolve("loose.key");
        Files.writeString(file, KEY);
        Files.setPosixFilePermissions(file, PosixFilePermissions.fromString("rw-r--r--"));
        environment.put(SecretKeys.KEY_FILE_VARIABLE, file.toString());

        assertThatThrownBy(() -> keys().open()).isInstanceOf(ConfigurationException.class)
                .hasMessageContaining("can be read by others").hasMessageNotContaining(KEY)
                .satisfies(e -> assertThat(((ConfigurationException) e).fix()).hasValueSatisfying(fix ->
                        assertThat(fix).contains("chmod 600 " + file)));
    }

    @Test
    void shouldPreferTheKeyInTheEnvironment() {
        environment.put(SecretKeys.KEY_VARIABLE, KEY);

        SecretKeys.Opened opened = keys().openOrCreate();

        assertThat(opened.source()).isEqualTo("environment variable NSBRIDGE_SECRET_KEY");
        assertThat(opened.created()).isFalse();
        assertThat(Files.exists(home.resolve(".config"))).isFalse();
    }

    @Test
    void shouldNameAnUnusableKeyWithoutShowingIt() {
        environment.put(SecretKeys.KEY_VARIABLE, "c2hvcnQta2V5");

        assertThatThrownBy(() -> keys().open()).isInstanceOf(ConfigurationException.class)
                .hasMessageContaining("NSBRIDGE_SECRET_KEY does not hold a secret key")
                .hasMessageNotContaining("c2hvcnQta2V5");
    }

    @Test
    void shouldUseTheKeyFileTheEnvironmentNames() {
        Path file = home.resolve("elsewhere/nsbridge.key");
        environment.put(SecretKeys.KEY_FILE_VARIABLE, file.toString());

        assertThatThrownBy(() -> keys().open()).hasMessageContaining("does not exist");
        assertThat(keys().openOrCreate().source()).isEqualTo(file.toString());
        assertThat(keys().open()).isPresent();
        assertThat(keys().toString()).isEqualTo("SecretKeys[" + file + "]");
    }
}
