package dev.nsbridge.sandbox.netsuite.auth;

import java.security.PublicKey;

/**
 * A certificate on the integration's M2M mapping, as the server knows it: only the public key.
 *
 * @param id        the certificate id (the assertion's {@code kid})
 * @param publicKey an RSA key (PS256/384/512) or an EC key (ES256/384/512)
 */
public record MappedCertificate(String id, PublicKey publicKey) {
}
