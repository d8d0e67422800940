package dev.nsbridge.netsuite.auth;

import java.security.GeneralSecurityException;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.PrivateKey;
import java.security.spec.ECGenParameterSpec;
import java.util.Base64;

/** Key pairs like the ones NetSuite's M2M certificates hold, made once per test run. */
final class TestKeys {
    static final KeyPair RSA_3072 = generate("RSA", 3072, null);
    static final KeyPair EC_P256 = generate("EC", 0, "secp256r1");
    static final KeyPair EC_P384 = generate("EC", 0, "secp384r1");

    private TestKeys() {
    }

    /** The private key as {@code -----BEGIN PRIVATE KEY-----} PEM, 64 characters a line, as openssl writes it. */
    static String pem(PrivateKey key) {
        String body = Base64.getMimeEncoder(64, "\n".getBytes(java.nio.charset.StandardCharsets.US_ASCII))
                .encodeToString(key.getEncoded());
        return "-----BEGIN PRIVATE KEY-----\n" + body + "\n-----END PRIVATE KEY-----\n";
    }

    /** The Base64 of the key without line breaks: what must never show up anywhere. */
    static String base64(PrivateKey key) {
        return Base64.getEncoder().encodeToString(key.getEncoded());
    }

    private static KeyPair generate(String algorithm, int size, String curve) {
        try {
            KeyPairGenerator generator = KeyPairGenerator.getInstance(algorithm);
            if (curve == null) {
                generator.initialize(size);
            } else {
                generator.initialize(new ECGenParameterSpec(curve));
            }
            return generator.generateKeyPair();
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException(e);
        }
    }
}
