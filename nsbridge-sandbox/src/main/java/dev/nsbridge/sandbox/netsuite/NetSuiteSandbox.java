package dev.nsbridge.sandbox.netsuite;

import dev.nsbridge.sandbox.MovableClock;
import dev.nsbridge.sandbox.netsuite.auth.LoginAttempt;
import dev.nsbridge.sandbox.netsuite.data.GeneratedAccount;
import dev.nsbridge.sandbox.netsuite.data.NetSuiteAccount;
import java.net.URI;
import java.time.Duration;
import java.time.ZoneId;
import java.util.List;
import java.util.Map;

/**
 * A local NetSuite on a loopback port: SuiteQL, the records API, governanceLimits, the metadata catalog, TBA and
 * OAuth 2.0 checked from the server side, NetSuite's errors, limits and lockouts. Tests, the demo and the benchmarks
 * start one in-process; {@code nsbridge sandbox} starts one from the command line.
 */
public interface NetSuiteSandbox extends AutoCloseable {

    /** Starts a sandbox over a generated account and answers once it takes requests. */
    static NetSuiteSandbox start(Options options) {
        MovableClock clock = MovableClock.system();
        // The generator's time-zone-aware overload (accountId, seed, scale, timeZone, clock) is being added on the
        // data branch; until it lands the generator gets the clock in the user's zone.
        NetSuiteAccount account = GeneratedAccount.generate(options.accountId(), options.seed(), options.scale(),
                clock.withZone(options.timeZone()));
        return LocalNetSuite.start(options, account, clock);
    }

    /** Starts a sandbox over a given account (e.g. a small hand-made one in a test); closing the sandbox closes it. */
    static NetSuiteSandbox start(Options options, NetSuiteAccount account) {
        return start(options, account, MovableClock.system());
    }

    /** As {@link #start(Options, NetSuiteAccount)}, with a clock the account may share. */
    static NetSuiteSandbox start(Options options, NetSuiteAccount account, MovableClock clock) {
        return LocalNetSuite.start(options, account, clock);
    }

    /** Where clients send requests, e.g. {@code http://127.0.0.1:41234}; paths are NetSuite's own. */
    URI baseUrl();

    /** The account id as NetSuite writes it, e.g. {@code 1234567_SB1}; the OAuth realm must match it exactly. */
    String accountId();

    /** Everything a client needs to sign in, both ways. */
    Credentials credentials();

    /** The sandbox's clock; move it to test clock skew, lockout expiry and token expiry. */
    MovableClock clock();

    /** The account's data, for tests that change or inspect it directly. */
    NetSuiteAccount account();

    /** Latency, limits and faults, changeable while the sandbox runs. */
    Knobs knobs();

    /** What the sandbox saw. */
    Stats stats();

    /** The one line of JSON printed on start: base URL, account id and every credential. */
    String startupJson();

    @Override
    void close();

    /**
     * @param accountId        e.g. {@code 1234567_SB1}
     * @param seed             the generator's seed
     * @param scale            1 is about 1,000 customers and 5,000 sales orders; fractions make smaller accounts
     * @param host             the address to bind, {@code 127.0.0.1} unless told otherwise
     * @param port             0 takes a free port
     * @param timeZone         the NetSuite user's time zone: dates are stored and rendered in it
     * @param concurrencyLimit requests in flight before the account answers 429
     */
    record Options(String accountId, long seed, double scale, String host, int port, ZoneId timeZone,
                   int concurrencyLimit) {
        public static Options defaults() {
            return new Options("1234567_SB1", 42, 1.0, "127.0.0.1", 0, ZoneId.of("America/Los_Angeles"), 5);
        }

        public Options withSeed(long value) {
            return new Options(accountId, value, scale, host, port, timeZone, concurrencyLimit);
        }

        public Options withScale(double value) {
            return new Options(accountId, seed, value, host, port, timeZone, concurrencyLimit);
        }

        public Options withPort(int value) {
            return new Options(accountId, seed, scale, host, value, timeZone, concurrencyLimit);
        }

        public Options withAccountId(String value) {
            return new Options(value, seed, scale, host, port, timeZone, concurrencyLimit);
        }

        public Options withHost(String value) {
            return new Options(accountId, seed, scale, value, port, timeZone, concurrencyLimit);
        }

        public Options withTimeZone(ZoneId value) {
            return new Options(accountId, seed, scale, host, port, value, concurrencyLimit);
        }

        public Options withConcurrencyLimit(int value) {
            return new Options(accountId, seed, scale, host, port, timeZone, value);
        }
    }

    /**
     * @param tba    token-based authentication: an integration record's consumer pair and an access token pair
     * @param oauth2 the machine-to-machine mapping: client id and one certificate per key type
     */
    record Credentials(Tba tba, OAuth2 oauth2) {
    }

    record Tba(String consumerKey, String consumerSecret, String tokenId, String tokenSecret) {
        @Override
        public String toString() {
            return "Tba[consumerKey=" + consumerKey + ", tokenId=" + tokenId + ", secrets hidden]";
        }
    }

    /**
     * @param clientId     the integration record's client id (the JWT's {@code iss})
     * @param tokenUrl     the token endpoint (the JWT's {@code aud})
     * @param certificates the certificates mapped to the integration, e.g. an RSA one for PS256 and an EC P-256 one
     *                     for ES256
     */
    record OAuth2(String clientId, URI tokenUrl, List<Certificate> certificates) {
    }

    /**
     * @param id            the certificate id NetSuite shows in the M2M mapping (the JWT's {@code kid})
     * @param keyType       {@code RSA} or {@code EC}
     * @param privateKeyPem the private key as PKCS#8 PEM ({@code -----BEGIN PRIVATE KEY-----})
     */
    record Certificate(String id, String keyType, String privateKeyPem) {
        @Override
        public String toString() {
            return "Certificate[id=" + id + ", keyType=" + keyType + ", private key hidden]";
        }
    }

    /** The sandbox's knobs; every setter takes effect for the next request. */
    interface Knobs {
        /**
         * Each REST answer waits {@code perRequest + perRow × rows} before it is sent (rows of a SuiteQL page, one
         * for a record, none otherwise), holding its place in the concurrency pool meanwhile.
         */
        Knobs latency(Duration perRequest, Duration perRow);

        Knobs concurrencyLimit(int limit);

        /** Whether the role may read {@code governanceLimits} (an admin role may; others get 403). */
        Knobs governanceReadable(boolean readable);

        Knobs faults(Faults faults);
    }

    /**
     * Faults drawn per request from the sandbox's own seeded random.
     *
     * @param serverErrorShare share of requests answered 500 UNEXPECTED_ERROR
     * @param throttleShare    share answered 429 CONCURRENCY_LIMIT_EXCEEDED whatever the load
     * @param slowShare        share delayed by {@code slowBy} before they are handled
     * @param slowBy           the extra delay of a slow answer
     * @param dropShare        share whose connection is closed without an answer
     */
    record Faults(double serverErrorShare, double throttleShare, double slowShare, Duration slowBy, double dropShare) {
        public static final Faults NONE = new Faults(0, 0, 0, Duration.ZERO, 0);
    }

    /** Counts since start (or since {@link #reset()}). */
    interface Stats {
        /** The most requests that were ever in flight at once, counting those answered 429. */
        int peakInFlight();

        long requests();

        /** Answers by HTTP status. */
        Map<Integer, Long> responsesByStatus();

        /** Failed logins (401s) so far. */
        long failedLogins();

        /** Connections closed without an answer by the drop fault; they have no status. */
        long droppedConnections();

        /**
         * NetSuite's Login Audit Trail: every login attempt, oldest first (the latest 10,000), with the real reason
         * of each refusal, which never goes on the wire.
         */
        List<LoginAttempt> loginAuditTrail();

        void reset();
    }
}
