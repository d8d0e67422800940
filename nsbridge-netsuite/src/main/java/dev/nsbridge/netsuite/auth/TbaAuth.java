package dev.nsbridge.netsuite.auth;

import java.net.URI;
import java.time.Clock;
import java.util.Objects;
import java.util.function.Supplier;

/**
 * Token-based authentication (OAuth 1.0a, HMAC-SHA256): every request is signed afresh with a new nonce, so there is
 * nothing to cache and nothing to invalidate. Thread-safe.
 */
public final class TbaAuth implements NetSuiteAuth {
    private final TbaCredentials credentials;
    private final Clock clock;
    private final Supplier<String> nonces;

    /** @param clock the timestamp's source; NetSuite refuses one more than five minutes from its own clock */
    public TbaAuth(TbaCredentials credentials, Clock clock) {
        this(credentials, clock, new Nonces());
    }

    /** For tests that need a known nonce. */
    TbaAuth(TbaCredentials credentials, Clock clock, Supplier<String> nonces) {
        this.credentials = Objects.requireNonNull(credentials, "credentials");
        this.clock = Objects.requireNonNull(clock, "clock");
        this.nonces = Objects.requireNonNull(nonces, "nonces");
    }

    @Override
    public String authorization(String method, URI uri) {
        return TbaSignature.sign(method, uri, credentials, nonces.get(), clock.instant().getEpochSecond())
                .authorization();
    }

    @Override
    public String loginIdentity() {
        return "tba:" + credentials.tokenId().reveal();
    }

    @Override
    public String method() {
        return "tba";
    }

    @Override
    public String toString() {
        return "TbaAuth[account=" + credentials.accountId() + "]";
    }
}
