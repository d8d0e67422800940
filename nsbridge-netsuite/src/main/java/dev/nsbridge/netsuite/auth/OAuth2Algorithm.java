package dev.nsbridge.netsuite.auth;

import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.jwk.Curve;
import dev.nsbridge.spi.errors.ConfigurationException;
import java.security.PrivateKey;
import java.security.interfaces.ECPrivateKey;
import java.security.interfaces.RSAPrivateKey;
import java.util.Arrays;
import java.util.Locale;
import java.util.stream.Collectors;

/**
 * The JWS algorithms NetSuite accepts for a client-credentials assertion. PKCS#1 v1.5 (RS256) is not among them;
 * ES algorithms are each tied to one curve.
 */
public enum OAuth2Algorithm {
    PS256(null), PS384(null), PS512(null), ES256(Curve.P_256), ES384(Curve.P_384), ES512(Curve.P_521);

    static final String SETTING = "NETSUITE_OAUTH2_ALGORITHM";

    private final Curve curve;

    OAuth2Algorithm(Curve curve) {
        this.curve = curve;
    }

    /** Reads a setting such as {@code ps256}; anything else names the choices. */
    public static OAuth2Algorithm parse(String text) {
        String name = text == null ? "" : text.strip().toUpperCase(Locale.ROOT);
        return Arrays.stream(values()).filter(algorithm -> algorithm.name().equals(name)).findFirst()
                .orElseThrow(() -> new ConfigurationException(SETTING,
                        "'" + text + "' is not an algorithm NetSuite accepts for OAuth 2.0 client credentials",
                        "set " + SETTING + " to one of " + Arrays.stream(values()).map(Enum::name)
                                .collect(Collectors.joining(", ")) + " (PS* for an RSA key, ES* for an EC key)"));
    }

    /** PS256 for an RSA key; for an EC key, the ES algorithm of its curve. */
    public static OAuth2Algorithm defaultFor(PrivateKey key) {
        if (key instanceof ECPrivateKey ec) {
            Curve keyCurve = Curve.forECParameterSpec(ec.getParams());
            return Arrays.stream(values()).filter(algorithm -> keyCurve != null && keyCurve.equals(algorithm.curve))
                    .findFirst().orElseThrow(() -> unsupportedKey(key));
        }
        if (key instanceof RSAPrivateKey) {
            return PS256;
        }
        throw unsupportedKey(key);
    }

    /** {@code RSA} or {@code EC}, as the key and the certificate name it. */
    public String keyType() {
        return curve == null ? "RSA" : "EC";
    }

    JWSAlgorithm jwsAlgorithm() {
        return JWSAlgorithm.parse(name());
    }

    /** Refuses a key this algorithm cannot sign with, saying which algorithm would fit it. */
    void requireFits(PrivateKey key) {
        boolean fits = curve == null ? key instanceof RSAPrivateKey
                : key instanceof ECPrivateKey ec && curve.equals(Curve.forECParameterSpec(ec.getParams()));
        if (!fits) {
            OAuth2Algorithm suggestion = defaultFor(key);
            throw new ConfigurationException(SETTING,
                    SETTING + " is " + name() + ", which needs " + describeNeed() + ", but the private key is "
                            + describe(key),
                    "set " + SETTING + " to " + suggestion + " (or leave it unset to follow the key), or use the"
                            + " private key of a certificate made for " + name());
        }
    }

    private String describeNeed() {
        return curve == null ? "an RSA key" : "an EC key on curve " + curve.getName();
    }

    private static String describe(PrivateKey key) {
        if (key instanceof ECPrivateKey ec) {
            Curve keyCurve = Curve.forECParameterSpec(ec.getParams());
            return "an EC key on curve " + (keyCurve == null ? "(unknown)" : keyCurve.getName());
        }
        return "an " + key.getAlgorithm() + " key";
    }

    private static ConfigurationException unsupportedKey(PrivateKey key) {
        return new ConfigurationException(PemPrivateKey.SETTING,
                "the private key is " + describe(key) + ", which NetSuite does not accept for OAuth 2.0",
                "make the certificate with an RSA key (3072 or 4096 bits) or an EC key on P-256, P-384 or P-521");
    }
}
