package dev.nsbridge.netsuite.auth;

import java.net.URI;
import java.net.http.HttpClient;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Objects;

/**
 * OAuth 2.0 client credentials (machine to machine): a JWT signed with the certificate's key buys an access token,
 * which is reused until shortly before it expires. NetSuite issues no refresh token, so the same grant simply runs
 * again. Thread-safe: concurrent callers that find no usable token wait for one token request between them.
 */
public final class OAuth2ClientCredentials implements NetSuiteAuth {
    /** The most a token is renewed early; short tokens are renewed a tenth of their life early instead. */
    static final Duration MAX_REFRESH_MARGIN = Duration.ofMinutes(5);

    private final OAuth2Credentials credentials;
    private final ClientAssertion assertion;
    private final TokenEndpoint endpoint;
    private final Clock clock;
    private final Object lock = new Object();
    private volatile CachedToken current;

    /**
     * Parses the private key and checks it against the algorithm at once, so a wrong setting is a
     * {@link dev.nsbridge.spi.errors.ConfigurationException} here rather than at the first request.
     *
     * @param http  sends the token request; tests point it at a local endpoint
     * @param clock decides when a token is due for renewal and stamps the assertion
     */
    public OAuth2ClientCredentials(OAuth2Credentials credentials, HttpClient http, Clock clock) {
        this.credentials = Objects.requireNonNull(credentials, "credentials");
        this.clock = Objects.requireNonNull(clock, "clock");
        this.assertion = new ClientAssertion(credentials);
        this.endpoint = new TokenEndpoint(credentials.tokenUrl(), Objects.requireNonNull(http, "http"));
    }

    /**
     * {@code Bearer <token>}, asking NetSuite for a token first if there is none or it is about to expire.
     *
     * @throws dev.nsbridge.spi.errors.AuthenticationException NetSuite refused the grant (a failed login)
     * @throws dev.nsbridge.spi.errors.TransientException      the endpoint was busy, failing or unreachable
     */
    @Override
    public String authorization(String method, URI uri) {
        return "Bearer " + token();
    }

    @Override
    public void invalidate() {
        current = null;
    }

    @Override
    public String loginIdentity() {
        return "oauth2:" + credentials.clientId().reveal() + ":" + credentials.certificateId();
    }

    @Override
    public String method() {
        return "oauth2";
    }

    private String token() {
        CachedToken token = current;
        if (token != null && token.usableAt(clock.instant())) {
            return token.value();
        }
        synchronized (lock) {
            // Another caller may have fetched a token while this one waited for the lock.
            token = current;
            if (token != null && token.usableAt(clock.instant())) {
                return token.value();
            }
            // Measured from before the request, so the time the request took only makes the token renew earlier.
            Instant requestedAt = clock.instant();
            TokenEndpoint.Answer answer = endpoint.request(assertion.sign(requestedAt));
            Duration margin = answer.expiresIn().dividedBy(10);
            if (margin.compareTo(MAX_REFRESH_MARGIN) > 0) {
                margin = MAX_REFRESH_MARGIN;
            }
            token = new CachedToken(answer.accessToken(), requestedAt.plus(answer.expiresIn()).minus(margin));
            current = token;
            return token.value();
        }
    }

    @Override
    public String toString() {
        return "OAuth2ClientCredentials[account=" + credentials.accountId() + ", certificate="
                + credentials.certificateId() + ", algorithm=" + credentials.algorithm() + ", tokenUrl="
                + credentials.tokenUrl() + "]";
    }

    /** A token and the instant from which it is renewed rather than used. */
    private record CachedToken(String value, Instant renewAt) {
        boolean usableAt(Instant now) {
            return now.isBefore(renewAt);
        }

        @Override
        public String toString() {
            return "CachedToken[value=[hidden], renewAt=" + renewAt + "]";
        }
    }
}
