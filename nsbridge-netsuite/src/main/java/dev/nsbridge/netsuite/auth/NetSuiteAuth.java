package dev.nsbridge.netsuite.auth;

import java.net.URI;

/**
 * Signs requests to one NetSuite account: token-based authentication (OAuth 1.0a) or an OAuth 2.0 bearer token
 * from the client-credentials (machine-to-machine) flow. Implementations are thread-safe.
 */
public interface NetSuiteAuth {

    /**
     * The {@code Authorization} header value for one request.
     *
     * @param method the HTTP method, e.g. {@code POST}
     * @param uri    the full request URI, query included (TBA signs query parameters; JSON bodies are not signed)
     * @throws dev.nsbridge.spi.errors.AuthenticationException NetSuite refused a login made to get the value (the
     *                                                         OAuth 2.0 token request): count it as a failed login
     * @throws dev.nsbridge.spi.errors.TransientException      the login could not be tried now (429, 5xx, network)
     */
    String authorization(String method, URI uri);

    /** Drops anything cached (an access token) after NetSuite refused it, so the next request starts afresh. */
    default void invalidate() {
    }

    /** A short name for messages and {@code nsbridge check}: {@code tba} or {@code oauth2}. */
    String method();

    /**
     * Who logs in, as far as NetSuite's lockout is concerned, without any secret: the method and the token id
     * (TBA) or the client id and certificate id (OAuth 2.0). The login guard keeps its count under a hash of it, so
     * every configuration that logs in as the same token counts together and the id itself is never written.
     */
    default String loginIdentity() {
        return method();
    }
}
