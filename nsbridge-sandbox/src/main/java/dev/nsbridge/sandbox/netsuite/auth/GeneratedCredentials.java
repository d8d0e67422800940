package dev.nsbridge.sandbox.netsuite.auth;

import dev.nsbridge.sandbox.netsuite.NetSuiteSandbox;
import java.net.URI;
import java.security.GeneralSecurityException;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.SecureRandom;
import java.security.spec.ECGenParameterSpec;
import java.util.Base64;
import java.util.HexFormat;
import java.util.List;

/**
 * Fresh credentials for one sandbox run: a TBA consumer and token pair (64 hex characters each, like NetSuite's), an
 * OAuth 2.0 client id, and two mapped certificates, RSA 3072 for PS* and EC P-256 for ES*.
 */
public final class GeneratedCredentials {
    private final NetSuiteSandbox.Tba tba;
    private final String clientId;
    private final List<NetSuiteSandbox.Certificate> certificates;
    private final List<MappedCertificate> mapped;

    private GeneratedCredentials(NetSuiteSandbox.Tba tba, String clientId, List<NetSuiteSandbox.Certificate> certificates,
                                 List<MappedCertificate> mapped) {
        this.tba = tba;
        this.clientId = clientId;
        this.certificates = certificates;
        this.mapped = mapped;
    }

    public static GeneratedCredentials generate(SecureRandom random) {
        try {
            KeyPairGenerator rsaGenerator = KeyPairGenerator.getInstance("RSA");
            rsaGenerator.initialize(3072, random);
            KeyPair rsa = rsaGenerator.generateKeyPair();
            KeyPairGenerator ecGenerator = KeyPairGenerator.getInstance("EC");
            ecGenerator.initialize(new ECGenParameterSpec("secp256r1"), random);
            KeyPair ec = ecGenerator.generateKeyPair();
            String rsaId = certificateId(random);
            String ecId = certificateId(random);
            return new GeneratedCredentials(
                    new NetSuiteSandbox.Tba(hex(random), hex(random), hex(random), hex(random)),
                    hex(random),
                    List.of(new NetSuiteSandbox.Certificate(rsaId, "RSA", pem(rsa)),
                            new NetSuiteSandbox.Certificate(ecId, "EC", pem(ec))),
                    List.of(new MappedCertificate(rsaId, rsa.getPublic()), new MappedCertificate(ecId, ec.getPublic())));
        } catch (GeneralSecurityException unavailable) {
            throw new IllegalStateException("the JDK cannot make RSA 3072 or EC P-256 keys", unavailable);
        }
    }

    public NetSuiteSandbox.Tba tba() {
        return tba;
    }

    public String clientId() {
        return clientId;
    }

    /** The server's side of the mapping: certificate ids and public keys. */
    public List<MappedCertificate> mappedCertificates() {
        return mapped;
    }

    /** The client's side, once the token URL (which holds the bound port) is known. */
    public NetSuiteSandbox.Credentials credentials(URI tokenUrl) {
        return new NetSuiteSandbox.Credentials(tba, new NetSuiteSandbox.OAuth2(clientId, tokenUrl, certificates));
    }

    @Override
    public String toString() {
        return "GeneratedCredentials[hidden]";
    }

    private static String hex(SecureRandom random) {
        byte[] bytes = new byte[32];
        random.nextBytes(bytes);
        return HexFormat.of().formatHex(bytes);
    }

    private static String certificateId(SecureRandom random) {
        byte[] bytes = new byte[32];
        random.nextBytes(bytes);
        return Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
    }

    private static String pem(KeyPair pair) {
        String body = Base64.getMimeEncoder(64, new byte[] {'\n'}).encodeToString(pair.getPrivate().getEncoded());
        return "-----BEGIN PRIVATE KEY-----\n" + body + "\n-----END PRIVATE KEY-----\n";
    }
}
