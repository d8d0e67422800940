package dev.nsbridge.netsuite.testing;

import dev.nsbridge.netsuite.NetSuiteAccountId;
import dev.nsbridge.netsuite.NetSuiteClient;
import dev.nsbridge.netsuite.NetSuiteConnection;
import dev.nsbridge.netsuite.auth.NetSuiteAuth;
import dev.nsbridge.netsuite.auth.OAuth2ClientCredentials;
import dev.nsbridge.netsuite.auth.OAuth2Credentials;
import dev.nsbridge.netsuite.auth.TbaAuth;
import dev.nsbridge.netsuite.auth.TbaCredentials;
import dev.nsbridge.netsuite.http.RetryPolicy;
import dev.nsbridge.sandbox.netsuite.NetSuiteSandbox;
import dev.nsbridge.spi.secret.Secret;
import java.net.http.HttpClient;
import java.nio.file.Path;
import java.time.Duration;

/**
 * Clients of a running sandbox, signed in the ways a user would configure nsbridge. Every client shares the
 * sandbox's movable clock, so a test that moves it moves the lockout guard, the catalog cache and the signatures
 * together, as time passes for everyone in production.
 */
public final class SandboxClients {
    /** Retries fast enough for tests, patient enough for the sandbox's injected faults. */
    public static final RetryPolicy FAST_RETRIES = new RetryPolicy(10, Duration.ofMillis(5), Duration.ofMillis(50));

    private final NetSuiteSandbox sandbox;
    private final Path stateDirectory;
    private final HttpClient http = HttpClient.newHttpClient();

    public SandboxClients(NetSuiteSandbox sandbox, Path stateDirectory) {
        this.sandbox = sandbox;
        this.stateDirectory = stateDirectory;
    }

    public NetSuiteAccountId account() {
        return NetSuiteAccountId.parse(sandbox.accountId());
    }

    /** TBA with the sandbox's own credentials. */
    public NetSuiteClient tba() {
        return tba(sandbox.credentials().tba().tokenSecret());
    }

    /** TBA with the sandbox's credentials but {@code tokenSecret}, e.g. a wrong one. */
    public NetSuiteClient tba(String tokenSecret) {
        return client(tbaAuth(tokenSecret));
    }

    public TbaAuth tbaAuth(String tokenSecret) {
        NetSuiteSandbox.Tba tba = sandbox.credentials().tba();
        return new TbaAuth(new TbaCredentials(account(), Secret.of(tba.consumerKey()), Secret.of(tba.consumerSecret()),
                Secret.of(tba.tokenId()), Secret.of(tokenSecret)), sandbox.clock());
    }

    /** OAuth 2.0 with the certificate of {@code keyType} ({@code RSA} or {@code EC}) and its key. */
    public NetSuiteClient oauth2(String keyType) {
        return client(oauth2Auth(certificate(keyType).id(), certificate(keyType).privateKeyPem()));
    }

    /** OAuth 2.0 with any certificate id and key, e.g. an id NetSuite never mapped. */
    public OAuth2ClientCredentials oauth2Auth(String certificateId, String privateKeyPem) {
        NetSuiteSandbox.OAuth2 oauth2 = sandbox.credentials().oauth2();
        OAuth2Credentials credentials = OAuth2Credentials.of(account(), Secret.of(oauth2.clientId()), certificateId,
                Secret.of(privateKeyPem)).withTokenUrl(oauth2.tokenUrl());
        return new OAuth2ClientCredentials(credentials, http, sandbox.clock());
    }

    public NetSuiteSandbox.Certificate certificate(String keyType) {
        return sandbox.credentials().oauth2().certificates().stream().filter(c -> c.keyType().equals(keyType))
                .findFirst().orElseThrow(() -> new IllegalStateException("the sandbox maps no " + keyType
                        + " certificate"));
    }

    public NetSuiteClient client(NetSuiteAuth auth) {
        return client(connection(auth));
    }

    public NetSuiteClient client(NetSuiteConnection connection) {
        return new NetSuiteClient(connection, http, sandbox.clock());
    }

    public NetSuiteConnection connection(NetSuiteAuth auth) {
        return NetSuiteConnection.of(account(), auth, stateDirectory).withBaseUrl(sandbox.baseUrl())
                .withRetryPolicy(FAST_RETRIES);
    }
}
