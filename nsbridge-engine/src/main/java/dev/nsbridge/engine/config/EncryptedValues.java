package dev.nsbridge.engine.config;

import dev.nsbridge.engine.secret.SecretBox;
import dev.nsbridge.engine.secret.SecretKeys;
import dev.nsbridge.spi.errors.ConfigurationException;
import java.util.Optional;

/**
 * Opens the {@code enc:} values of one load. The key is looked for only when the file holds such a value, so a
 * file without one never needs a key; it is looked for once per load. No message quotes a value, plain or not.
 */
final class EncryptedValues {
    private final SecretKeys keys;
    private final IssueCollector issues;
    private Optional<SecretKeys.Opened> opened;
    private ConfigurationException unusable;

    EncryptedValues(SecretKeys keys, IssueCollector issues) {
        this.keys = keys;
        this.issues = issues;
    }

    /** The plain text of a secret key's encrypted value, or empty after reporting why it cannot be had. */
    Optional<String> decrypt(String keyPath, int line, String stored) {
        Optional<SecretKeys.Opened> key = key();
        if (unusable != null) {
            issues.error(line, keyPath, "is encrypted, but the secret key cannot be used: " + unusable.getMessage(),
                    unusable.fix().orElse("check the secret key"));
            return Optional.empty();
        }
        if (key.isEmpty()) {
            issues.error(line, keyPath, "is encrypted, but no secret key was found", "set "
                    + SecretKeys.KEY_VARIABLE + " to the key, or put the key file at " + keys.keyFile()
                    + " (or where " + SecretKeys.KEY_FILE_VARIABLE + " points)");
            return Optional.empty();
        }
        try {
            return Optional.of(key.get().box().decrypt(keyPath, stored).reveal());
        } catch (ConfigurationException e) {
            String fix = e.fix().orElse("encrypt it again with nsbridge secret encrypt " + keyPath);
            switch (e.code()) {
                case "SECRET_NOT_DECRYPTABLE" -> issues.error(line, keyPath, "is encrypted but does not open with"
                        + " the secret key from " + key.get().source() + ": it was encrypted with another key or"
                        + " for another key path, or it was changed", fix);
                case "SECRET_UNKNOWN_VERSION" -> issues.error(line, keyPath, "is encrypted in a format this"
                        + " version of nsbridge does not know", fix);
                default -> issues.error(line, keyPath, "is not a whole enc:v1: value (it may have been cut short"
                        + " when copied)", fix);
            }
            return Optional.empty();
        }
    }

    /** An encrypted value where no secret belongs: only secrets are stored encrypted, so this is a mistake. */
    void refuse(String keyPath, int line) {
        issues.error(line, keyPath, "is an encrypted value, but this key does not hold a secret",
                "write the value itself; only secret keys take enc: values");
    }

    private Optional<SecretKeys.Opened> key() {
        if (opened == null && unusable == null) {
            try {
                opened = keys.open();
            } catch (ConfigurationException e) {
                unusable = e;
                opened = Optional.empty();
            }
        }
        return opened;
    }

    static boolean isEncrypted(Object value) {
        return value instanceof String text && SecretBox.isEncrypted(text);
    }
}
