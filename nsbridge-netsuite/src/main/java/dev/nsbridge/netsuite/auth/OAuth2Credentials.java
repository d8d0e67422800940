package dev.nsbridge.netsuite.auth;

import dev.nsbridge.netsuite.NetSuiteAccountId;
import dev.nsbridge.spi.errors.ConfigurationException;
import dev.nsbridge.spi.secret.Secret;
import java.net.URI;
import java.util.List;
import java.util.Objects;
import java.util.Set;

/**
 * OAuth 2.0 client credentials (machine to machine): an integration record's client id and a certificate mapped to
 * it under Setup > Integration > Manage Authentication > OAuth 2.0 Client Credentials (M2M) Setup.
 *
 * @param accountId     the account
 * @param clientId      the integration record's client id, the assertion's {@code iss}; a {@link Secret} like the
 *                      TBA consumer key it is the same value as
 * @param certificateId the certificate id the M2M mapping shows, the assertion's {@code kid}; not secret
 * @param privateKeyPem the certificate's private key, unencrypted PKCS#8 PEM
 * @param algorithm     PS256/384/512 for an RSA key, ES256/384/512 for an EC key
 * @param scopes        {@code rest_webservices}, {@code restlets}, {@code suite_analytics}
 * @param tokenUrl      the token endpoint, which is also the assertion's {@code aud}
 */
public record OAuth2Credentials(NetSuiteAccountId accountId, Secret clientId, String certificateId,
                                Secret privateKeyPem, OAuth2Algorithm algorithm, List<String> scopes, URI tokenUrl) {
    public static final String TOKEN_PATH = "/services/rest/auth/oauth2/v1/token";
    public static final List<String> DEFAULT_SCOPES = List.of("rest_webservices");
    private static final Set<String> KNOWN_SCOPES = Set.of("rest_webservices", "restlets", "suite_analytics");

    public OAuth2Credentials {
        Objects.requireNonNull(accountId, "accountId");
        Objects.requireNonNull(algorithm, "algorithm");
        Objects.requireNonNull(tokenUrl, "tokenUrl");
        if (clientId == null || clientId.reveal().isBlank()) {
            throw missing("NETSUITE_OAUTH2_CLIENT_ID", "client id", "copy it from the integration record (Setup >"
                    + " Integration > Manage Integrations), shown once when Client Credentials was enabled");
        }
        if (certificateId == null || certificateId.isBlank()) {
            throw missing("NETSUITE_OAUTH2_CERTIFICATE_ID", "certificate id", "copy the Certificate ID from"
                    + " Setup > Integration > Manage Authentication > OAuth 2.0 Client Credentials (M2M) Setup");
        }
        if (privateKeyPem == null || privateKeyPem.reveal().isBlank()) {
            throw missing(PemPrivateKey.SETTING, "private key", "give the PKCS#8 PEM private key of the"
                    + " certificate uploaded to the M2M mapping");
        }
        scopes = List.copyOf(scopes);
        if (scopes.isEmpty() || !KNOWN_SCOPES.containsAll(scopes)) {
            throw new ConfigurationException("NETSUITE_OAUTH2_SCOPES", "the OAuth 2.0 scopes " + scopes
                    + " are not all NetSuite scopes", "use one or more of " + KNOWN_SCOPES.stream().sorted().toList()
                    + "; rest_webservices is what SuiteQL and the records API need");
        }
    }

    /**
     * Credentials for the production host with the default scope ({@code rest_webservices}) and the algorithm that
     * follows the key (PS256 for RSA, the curve's ES algorithm for EC).
     */
    public static OAuth2Credentials of(NetSuiteAccountId accountId, Secret clientId, String certificateId,
                                       Secret privateKeyPem) {
        OAuth2Algorithm algorithm = privateKeyPem == null || privateKeyPem.reveal().isBlank()
                ? OAuth2Algorithm.PS256 : OAuth2Algorithm.defaultFor(PemPrivateKey.parse(privateKeyPem));
        return new OAuth2Credentials(accountId, clientId, certificateId, privateKeyPem, algorithm, DEFAULT_SCOPES,
                defaultTokenUrl(accountId));
    }

    /** {@code https://<id>.suitetalk.api.netsuite.com/services/rest/auth/oauth2/v1/token}. */
    public static URI defaultTokenUrl(NetSuiteAccountId accountId) {
        return tokenUrlAt(accountId.restBaseUrl());
    }

    /** The token endpoint under another base URL, such as the local sandbox's {@code http://127.0.0.1:port}. */
    public static URI tokenUrlAt(URI baseUrl) {
        String base = baseUrl.toString();
        return URI.create((base.endsWith("/") ? base.substring(0, base.length() - 1) : base) + TOKEN_PATH);
    }

    public OAuth2Credentials withAlgorithm(OAuth2Algorithm value) {
        return new OAuth2Credentials(accountId, clientId, certificateId, privateKeyPem, value, scopes, tokenUrl);
    }

    public OAuth2Credentials withScopes(List<String> value) {
        return new OAuth2Credentials(accountId, clientId, certificateId, privateKeyPem, algorithm, value, tokenUrl);
    }

    public OAuth2Credentials withTokenUrl(URI value) {
        return new OAuth2Credentials(accountId, clientId, certificateId, privateKeyPem, algorithm, scopes, value);
    }

    private static ConfigurationException missing(String setting, String name, String fix) {
        return new ConfigurationException(setting, "the NetSuite OAuth 2.0 " + name + " (" + setting
                + ") is missing", fix);
    }
}
