package dev.nsbridge.sandbox.netsuite;

import com.nimbusds.jose.JOSEException;
import com.nimbusds.jose.JOSEObjectType;
import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.JWSHeader;
import com.nimbusds.jose.JWSSigner;
import com.nimbusds.jose.crypto.ECDSASigner;
import com.nimbusds.jose.crypto.RSASSASigner;
import com.nimbusds.jwt.JWTClaimsSet;
import com.nimbusds.jwt.SignedJWT;
import java.net.URLEncoder;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.security.KeyFactory;
import java.security.PrivateKey;
import java.security.interfaces.ECPrivateKey;
import java.security.spec.PKCS8EncodedKeySpec;
import java.time.Duration;
import java.time.Instant;
import java.util.Base64;
import java.util.Date;
import java.util.UUID;

/** Builds client assertions the way an integration would, with Nimbus and the sandbox's PEM private keys. */
final class OAuth2Assertions {
    private final NetSuiteSandbox sandbox;
    private final SandboxClient client;

    OAuth2Assertions(NetSuiteSandbox sandbox) {
        this.sandbox = sandbox;
        this.client = new SandboxClient(sandbox);
    }

    /** Claims that NetSuite accepts, ready to be changed by a test. */
    JWTClaimsSet.Builder builder(String algorithm) {
        Instant now = sandbox.clock().instant();
        return new JWTClaimsSet.Builder()
                .issuer(sandbox.credentials().oauth2().clientId())
                .audience(sandbox.credentials().oauth2().tokenUrl().toString())
                .claim("scope", "rest_webservices")
                .issueTime(Date.from(now))
                .expirationTime(Date.from(now.plus(Duration.ofMinutes(30))))
                .jwtID(UUID.randomUUID().toString());
    }

    String sign(JWTClaimsSet claims, String algorithm) {
        return sign(claims, algorithm, certificate(algorithm).id());
    }

    String sign(JWTClaimsSet claims, String algorithm, String kid) {
        NetSuiteSandbox.Certificate certificate = certificate(algorithm);
        try {
            PrivateKey key = KeyFactory.getInstance(certificate.keyType())
                    .generatePrivate(new PKCS8EncodedKeySpec(pemBody(certificate.privateKeyPem())));
            JWSSigner signer = key instanceof ECPrivateKey ec ? new ECDSASigner(ec) : new RSASSASigner(key);
            SignedJWT jwt = new SignedJWT(new JWSHeader.Builder(JWSAlgorithm.parse(algorithm))
                    .type(JOSEObjectType.JWT).keyID(kid).build(), claims);
            jwt.sign(signer);
            return jwt.serialize();
        } catch (JOSEException | java.security.GeneralSecurityException failed) {
            throw new IllegalStateException(failed);
        }
    }

    HttpResponse<String> requestToken(JWTClaimsSet claims, String algorithm) {
        return postToken(sign(claims, algorithm));
    }

    HttpResponse<String> postToken(String assertion) {
        return postForm("grant_type=client_credentials"
                + "&client_assertion_type=" + encode("urn:ietf:params:oauth:client-assertion-type:jwt-bearer")
                + "&client_assertion=" + encode(assertion));
    }

    /** Any form, e.g. one missing a parameter. */
    HttpResponse<String> postForm(String form) {
        return client.send(client.request("POST", "/services/rest/auth/oauth2/v1/token", form)
                .header("Content-Type", "application/x-www-form-urlencoded").build());
    }

    private NetSuiteSandbox.Certificate certificate(String algorithm) {
        String keyType = algorithm.startsWith("ES") ? "EC" : "RSA";
        return sandbox.credentials().oauth2().certificates().stream()
                .filter(certificate -> certificate.keyType().equals(keyType)).findFirst().orElseThrow();
    }

    private static byte[] pemBody(String pem) {
        return Base64.getMimeDecoder().decode(pem.replace("-----BEGIN PRIVATE KEY-----", "")
                .replace("-----END PRIVATE KEY-----", ""));
    }

    private static String encode(String value) {
        return URLEncoder.encode(value, StandardCharsets.UTF_8);
    }
}
