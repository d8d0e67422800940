package dev.nsbridge.app.cli;

import dev.nsbridge.engine.secret.SecretKeys;

/**
 * A secret as a test configuration should hold it: an {@code enc:} value, as {@code nsbridge secret encrypt} writes,
 * since the commands refuse plain text and tests that run them in-process cannot set environment variables.
 */
final class EncryptedValue {
    private EncryptedValue() {
    }

    /** {@code plain} encrypted for {@code keyPath}, with the key the build keeps in its own folder. */
    static String of(String keyPath, String plain) {
        if (System.getenv(SecretKeys.KEY_FILE_VARIABLE) == null) {
            // Without it the key would be made in the home folder of whoever runs the tests.
            throw new IllegalStateException("run the tests through Maven, which sets " + SecretKeys.KEY_FILE_VARIABLE);
        }
        return SecretKeys.fromSystem().openOrCreate().box().encrypt(keyPath, plain);
    }
}
