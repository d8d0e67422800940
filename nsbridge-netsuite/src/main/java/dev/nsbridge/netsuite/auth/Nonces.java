package dev.nsbridge.netsuite.auth;

import java.security.SecureRandom;
import java.util.function.Supplier;

/**
 * Random nonces for TBA headers and Connect passwords. NetSuite accepts a nonce and timestamp pair once, so nonces
 * must not repeat across processes or restarts: hence {@link SecureRandom} rather than a counter.
 */
final class Nonces implements Supplier<String> {
    /** NetSuite asks for at least 6 characters; 20 is what its own examples use. */
    static final int LENGTH = 20;
    private static final char[] ALPHABET =
            "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789".toCharArray();

    private final SecureRandom random;

    Nonces(SecureRandom random) {
        this.random = random;
    }

    Nonces() {
        this(new SecureRandom());
    }

    @Override
    public String get() {
        char[] nonce = new char[LENGTH];
        for (int i = 0; i < LENGTH; i++) {
            nonce[i] = ALPHABET[random.nextInt(ALPHABET.length)];
        }
        return new String(nonce);
    }
}
