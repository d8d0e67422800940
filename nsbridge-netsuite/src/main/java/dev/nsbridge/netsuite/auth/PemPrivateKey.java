package dev.nsbridge.netsuite.auth;

import dev.nsbridge.spi.errors.ConfigurationException;
import dev.nsbridge.spi.secret.Secret;
import java.security.GeneralSecurityException;
import java.security.KeyFactory;
import java.security.PrivateKey;
import java.security.spec.PKCS8EncodedKeySpec;
import java.util.Base64;
import java.util.List;

/**
 * Reads the certificate's private key from PKCS#8 PEM with the JDK alone (Nimbus's PEM reader needs Bouncy Castle).
 * Errors never quote the PEM: it is the one secret that would unlock the integration for good.
 */
final class PemPrivateKey {
    static final String SETTING = "NETSUITE_OAUTH2_PRIVATE_KEY";
    private static final String BEGIN = "-----BEGIN PRIVATE KEY-----";
    private static final String END = "-----END PRIVATE KEY-----";
    private static final String TO_PKCS8 = "convert it with: openssl pkcs8 -topk8 -nocrypt -in key.pem -out"
            + " key-pkcs8.pem, and give nsbridge the file that starts with " + BEGIN;

    private PemPrivateKey() {
    }

    static PrivateKey parse(Secret pem) {
        String text = pem.reveal();
        int begin = text.indexOf(BEGIN);
        int end = text.indexOf(END);
        if (begin < 0 || end < begin) {
            throw new ConfigurationException(SETTING, "the OAuth 2.0 private key (" + SETTING + ") is not"
                    + " unencrypted PKCS#8 PEM (" + kindOf(text) + ")", TO_PKCS8);
        }
        byte[] der;
        try {
            der = Base64.getMimeDecoder().decode(text.substring(begin + BEGIN.length(), end));
        } catch (IllegalArgumentException e) {
            // The cause is dropped on purpose: Base64 errors quote the offending characters.
            throw new ConfigurationException(SETTING, "the OAuth 2.0 private key (" + SETTING + ") is not valid"
                    + " Base64 between its PEM lines", "copy the key file again without changing it");
        }
        for (String algorithm : List.of("RSA", "EC")) {
            try {
                return KeyFactory.getInstance(algorithm).generatePrivate(new PKCS8EncodedKeySpec(der));
            } catch (GeneralSecurityException e) {
                // Not this key type; try the next.
            }
        }
        throw new ConfigurationException(SETTING, "the OAuth 2.0 private key (" + SETTING + ") is neither an RSA"
                + " nor an EC key", "use the private key of the certificate uploaded to the M2M mapping: RSA"
                + " (3072 or 4096 bits) or EC (P-256, P-384 or P-521)");
    }

    /** Names what was given instead, from its PEM label only. */
    private static String kindOf(String text) {
        if (text.contains("-----BEGIN ENCRYPTED PRIVATE KEY-----")) {
            return "it is encrypted";
        }
        if (text.contains("-----BEGIN RSA PRIVATE KEY-----") || text.contains("-----BEGIN EC PRIVATE KEY-----")) {
            return "it is in the older PKCS#1/SEC 1 form";
        }
        if (text.contains("-----BEGIN CERTIFICATE-----")) {
            return "it is a certificate, not its private key";
        }
        return "no " + BEGIN + " line";
    }
}
