package dev.nsbridge.engine.secret;

import dev.nsbridge.spi.errors.ConfigurationException;
import dev.nsbridge.spi.secret.Secret;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.SecureRandom;
import java.util.Arrays;
import java.util.Base64;
import java.util.Objects;
import javax.crypto.AEADBadTagException;
import javax.crypto.Cipher;
import javax.crypto.spec.GCMParameterSpec;
import javax.crypto.spec.SecretKeySpec;

/**
 * Encrypts and decrypts secret values for {@code nsbridge.yaml}. A value is written {@code enc:v1:<base64>}, the
 * base64 holding a random 12-byte IV followed by the AES-256-GCM ciphertext and tag. The key path the value
 * belongs to ({@code connections.erp.token}) is authenticated with it, so a value copied to another key does not
 * decrypt; a changed value or another key does not either. The key itself never enters the configuration file.
 *
 * <pre>{@code
 * SecretBox box = SecretKeys.fromSystem().openOrCreate().box();
 * String stored = box.encrypt("connections.erp.token", "the token");   // enc:v1:...
 * Secret token = box.decrypt("connections.erp.token", stored);
 * }</pre>
 */
public final class SecretBox {
    /** What every encrypted value starts with, whatever its version. */
    public static final String PREFIX = "enc:";
    static final String V1 = PREFIX + "v1:";
    static final int KEY_BYTES = 32;
    private static final int IV_BYTES = 12;
    private static final int TAG_BITS = 128;
    private static final String TRANSFORMATION = "AES/GCM/NoPadding";
    /** Binds the value to its format as well as to its key path, so no other use of the key can produce one. */
    private static final String CONTEXT = "nsbridge secret v1\n";

    private final SecretKeySpec key;
    private final SecureRandom random;

    /** @param key 32 random bytes; copied, so the caller may clear its array */
    public SecretBox(byte[] key, SecureRandom random) {
        Objects.requireNonNull(key, "key");
        if (key.length != KEY_BYTES) {
            throw new IllegalArgumentException("a secret key is " + KEY_BYTES + " bytes, not " + key.length);
        }
        this.key = new SecretKeySpec(key.clone(), "AES");
        this.random = Objects.requireNonNull(random, "random");
    }

    /** A new random key, for a key file that does not exist yet. */
    static byte[] newKey(SecureRandom random) {
        byte[] key = new byte[KEY_BYTES];
        random.nextBytes(key);
        return key;
    }

    /** Whether a configuration value is written encrypted and must be decrypted before use. */
    public static boolean isEncrypted(String value) {
        return value != null && value.startsWith(PREFIX);
    }

    /** The value to write in the file for {@code keyPath}, e.g. {@code connections.erp.token}. */
    public String encrypt(String keyPath, String plain) {
        Objects.requireNonNull(keyPath, "keyPath");
        Objects.requireNonNull(plain, "plain");
        byte[] iv = new byte[IV_BYTES];
        random.nextBytes(iv);
        try {
            Cipher cipher = cipher(Cipher.ENCRYPT_MODE, iv, keyPath);
            byte[] sealed = cipher.doFinal(plain.getBytes(StandardCharsets.UTF_8));
            byte[] out = ByteBuffer.allocate(iv.length + sealed.length).put(iv).put(sealed).array();
            return V1 + Base64.getEncoder().encodeToString(out);
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("AES-GCM is not available in this JDK", e);
        }
    }

    /**
     * The secret stored for {@code keyPath}.
     *
     * @throws ConfigurationException {@code SECRET_MALFORMED} when the text is not an encrypted value,
     *                                {@code SECRET_UNKNOWN_VERSION} when a newer nsbridge wrote it, and
     *                                {@code SECRET_NOT_DECRYPTABLE} when this key did not encrypt it for this key
     *                                path, or it was changed; no message holds the value
     */
    public Secret decrypt(String keyPath, String stored) {
        Objects.requireNonNull(keyPath, "keyPath");
        Objects.requireNonNull(stored, "stored");
        if (!stored.startsWith(V1)) {
            if (stored.matches("enc:v\\d+:.*")) {
                throw new ConfigurationException("SECRET_UNKNOWN_VERSION", "the encrypted value of " + keyPath
                        + " has a format this version of nsbridge does not know",
                        "upgrade nsbridge, or encrypt the value again with nsbridge secret encrypt");
            }
            throw malformed(keyPath);
        }
        byte[] bytes;
        try {
            bytes = Base64.getDecoder().decode(stored.substring(V1.length()).trim());
        } catch (IllegalArgumentException e) {
            throw malformed(keyPath);
        }
        if (bytes.length < IV_BYTES + TAG_BITS / 8) {
            throw malformed(keyPath);
        }
        try {
            Cipher cipher = cipher(Cipher.DECRYPT_MODE, Arrays.copyOf(bytes, IV_BYTES), keyPath);
            byte[] plain = cipher.doFinal(bytes, IV_BYTES, bytes.length - IV_BYTES);
            return Secret.of(new String(plain, StandardCharsets.UTF_8));
        } catch (AEADBadTagException e) {
            // One failure for all three causes: GCM cannot tell them apart, and saying which would help an attacker.
            throw new ConfigurationException("SECRET_NOT_DECRYPTABLE", "the encrypted value of " + keyPath
                    + " does not open with the secret key in use: it was encrypted with another key or for another"
                    + " key path, or it was changed",
                    "use the key it was encrypted with, or encrypt it again with nsbridge secret encrypt " + keyPath);
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("AES-GCM is not available in this JDK", e);
        }
    }

    private Cipher cipher(int mode, byte[] iv, String keyPath) throws GeneralSecurityException {
        Cipher cipher = Cipher.getInstance(TRANSFORMATION);
        cipher.init(mode, key, new GCMParameterSpec(TAG_BITS, iv));
        cipher.updateAAD((CONTEXT + keyPath).getBytes(StandardCharsets.UTF_8));
        return cipher;
    }

    private static ConfigurationException malformed(String keyPath) {
        return new ConfigurationException("SECRET_MALFORMED", "the encrypted value of " + keyPath
                + " is not a whole enc:v1: value (it may have been cut short when copied)",
                "paste the full value nsbridge secret encrypt printed, or encrypt it again");
    }

    @Override
    public String toString() {
        return "SecretBox[key hidden]";
    }
}
