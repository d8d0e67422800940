package dev.nsbridge.netsuite.auth;

import dev.nsbridge.spi.secret.Secret;
import java.time.Clock;
import java.util.Objects;
import java.util.function.Supplier;

/**
 * The token-based password SuiteAnalytics Connect (JDBC, user {@code TBA}) takes:
 * {@code account&consumerKey&tokenId&nonce&timestamp&signature&HMAC-SHA256}. Unlike a REST signature nothing in it
 * is percent-encoded. A password is good for one session opened within five minutes, so make one per connection.
 */
public final class ConnectPassword {
    private final TbaCredentials credentials;
    private final Clock clock;
    private final Supplier<String> nonces;

    public ConnectPassword(TbaCredentials credentials, Clock clock) {
        this(credentials, clock, new Nonces());
    }

    /** For tests that need a known nonce. */
    ConnectPassword(TbaCredentials credentials, Clock clock, Supplier<String> nonces) {
        this.credentials = Objects.requireNonNull(credentials, "credentials");
        this.clock = Objects.requireNonNull(clock, "clock");
        this.nonces = Objects.requireNonNull(nonces, "nonces");
    }

    /** A fresh password, for the next connection only. */
    public Secret next() {
        return Secret.of(compose(credentials, nonces.get(), clock.instant().getEpochSecond()));
    }

    static String compose(TbaCredentials credentials, String nonce, long timestamp) {
        String signed = credentials.accountId().realm() + "&" + credentials.consumerKey().reveal() + "&"
                + credentials.tokenId().reveal() + "&" + nonce + "&" + timestamp;
        String key = credentials.consumerSecret().reveal() + "&" + credentials.tokenSecret().reveal();
        return signed + "&" + HmacSha256.base64(key, signed) + "&" + TbaSignature.SIGNATURE_METHOD;
    }

    @Override
    public String toString() {
        return "ConnectPassword[account=" + credentials.accountId() + "]";
    }
}
