package dev.nsbridge.netsuite.auth;

import com.nimbusds.jose.JOSEException;
import com.nimbusds.jose.JOSEObjectType;
import com.nimbusds.jose.JWSHeader;
import com.nimbusds.jose.JWSSigner;
import com.nimbusds.jose.crypto.ECDSASigner;
import com.nimbusds.jose.crypto.RSASSASigner;
import com.nimbusds.jwt.JWTClaimsSet;
import com.nimbusds.jwt.SignedJWT;
import dev.nsbridge.spi.errors.ConfigurationException;
import dev.nsbridge.spi.errors.InternalException;
import java.security.PrivateKey;
import java.security.interfaces.ECPrivateKey;
import java.time.Duration;
import java.time.Instant;
import java.util.Date;
import java.util.UUID;

/** The signed JWT that stands in for a client secret in NetSuite's client-credentials grant. */
final class ClientAssertion {
    /** NetSuite refuses an assertion living 60 minutes or more; a short one limits what a leaked one is worth. */
    static final Duration LIFETIME = Duration.ofMinutes(5);

    private final OAuth2Credentials credentials;
    private final JWSSigner signer;

    /** Checks the key against the algorithm now, so a mismatch shows at start-up and in {@code nsbridge check}. */
    ClientAssertion(OAuth2Credentials credentials) {
        this.credentials = credentials;
        PrivateKey key = PemPrivateKey.parse(credentials.privateKeyPem());
        credentials.algorithm().requireFits(key);
        this.signer = signerFor(key);
    }

    String sign(Instant now) {
        JWSHeader header = new JWSHeader.Builder(credentials.algorithm().jwsAlgorithm())
                .type(JOSEObjectType.JWT)
                .keyID(credentials.certificateId())
                .build();
        JWTClaimsSet claims = new JWTClaimsSet.Builder()
                .issuer(credentials.clientId().reveal())
                // NetSuite takes several scopes as a comma-separated string or a JSON array; one string is the
                // form its own examples show for a single scope.
                .claim("scope", String.join(",", credentials.scopes()))
                .audience(credentials.tokenUrl().toString())
                .issueTime(Date.from(now))
                .expirationTime(Date.from(now.plus(LIFETIME)))
                .jwtID(UUID.randomUUID().toString())
                .build();
        SignedJWT jwt = new SignedJWT(header, claims);
        try {
            jwt.sign(signer);
        } catch (JOSEException e) {
            throw new InternalException("OAUTH2_ASSERTION_NOT_SIGNED", "the OAuth 2.0 client assertion could not be"
                    + " signed with " + credentials.algorithm(), "report this as a bug with your Java version", e);
        }
        return jwt.serialize();
    }

    private static JWSSigner signerFor(PrivateKey key) {
        try {
            return key instanceof ECPrivateKey ec ? new ECDSASigner(ec) : new RSASSASigner(key);
        } catch (JOSEException | IllegalArgumentException e) {
            // Nimbus refuses RSA keys under 2048 bits and curves it does not know; neither message quotes the key.
            throw new ConfigurationException(PemPrivateKey.SETTING, "the OAuth 2.0 private key cannot sign: "
                    + e.getMessage(), "use an RSA key of 3072 or 4096 bits or an EC key on P-256, P-384 or P-521,"
                    + " as NetSuite requires for M2M certificates");
        }
    }
}
