package dev.nsbridge.netsuite;

import com.fasterxml.jackson.databind.ObjectMapper;
import dev.nsbridge.netsuite.catalog.CustomFieldCatalog;
import dev.nsbridge.netsuite.catalog.NetSuiteCatalog;
import dev.nsbridge.netsuite.governance.ConcurrencyBudget;
import dev.nsbridge.netsuite.governance.ConcurrencyGate;
import dev.nsbridge.netsuite.governance.GovernanceLimits;
import dev.nsbridge.netsuite.governance.GovernanceReading;
import dev.nsbridge.netsuite.governance.LoginGuard;
import dev.nsbridge.netsuite.governance.LoginIdentity;
import dev.nsbridge.netsuite.http.Backoff;
import dev.nsbridge.netsuite.http.ErrorCodes;
import dev.nsbridge.netsuite.http.NetSuiteHttp;
import dev.nsbridge.netsuite.http.NetSuiteRequest;
import dev.nsbridge.netsuite.http.RetryAfter;
import dev.nsbridge.netsuite.http.Sleeper;
import dev.nsbridge.netsuite.records.NetSuiteRecords;
import dev.nsbridge.netsuite.suiteql.DateConventions;
import dev.nsbridge.netsuite.suiteql.SuiteQl;
import dev.nsbridge.spi.errors.AuthenticationException;
import dev.nsbridge.spi.errors.ConfigurationException;
import java.net.http.HttpClient;
import java.time.Clock;
import java.time.Duration;
import java.util.Map;
import java.util.Optional;
import java.util.Random;
import java.util.random.RandomGenerator;

/**
 * One NetSuite account, wired: every part shares one sender, so the concurrency budget and the lockout guard hold
 * across SuiteQL reads, record writes and catalog reads alike.
 *
 * <p>Until the budget is known the account gets one request at a time; the first call to {@link #suiteQl()},
 * {@link #records()} or {@link #catalog()} reads governanceLimits (or falls back to the configured concurrency)
 * and opens the gate to the budget.
 */
public final class NetSuiteClient {
    /** The metadata catalog is slow on large accounts and custom fields change rarely. */
    public static final Duration CATALOG_TIME_TO_LIVE = Duration.ofHours(24);
    /** Pages a streamed read fetches ahead of its consumer. */
    public static final int PAGES_AHEAD = 2;

    private final NetSuiteConnection connection;
    private final ConcurrencyGate gate = new ConcurrencyGate(1);
    private final LoginGuard guard;
    private final NetSuiteHttp http;
    private final SuiteQl suiteQl;
    private final NetSuiteRecords records;
    private final NetSuiteCatalog catalog;
    private final ObjectMapper json = new ObjectMapper();
    private GovernanceReading governance;
    private int share = Integer.MAX_VALUE;

    public NetSuiteClient(NetSuiteConnection connection, HttpClient httpClient, Clock clock) {
        this(connection, httpClient, clock, Sleeper.SYSTEM, new Random());
    }

    /** With the waits and the jitter under the caller's control, for tests. */
    public NetSuiteClient(NetSuiteConnection connection, HttpClient httpClient, Clock clock, Sleeper sleeper,
                          RandomGenerator random) {
        this.connection = connection;
        LoginIdentity login = LoginIdentity.of(connection.accountId(), connection.auth());
        this.guard = connection.loginRecords().map(shared -> new LoginGuard(login, shared, clock))
                .orElseGet(() -> new LoginGuard(login, connection.stateDirectory(), clock));
        this.http = new NetSuiteHttp(connection.accountId(), connection.baseUrl(), connection.auth(), httpClient,
                gate, guard, connection.retryPolicy(), new Backoff(connection.retryPolicy(), random), sleeper,
                new RetryAfter(clock));
        this.suiteQl = new SuiteQl(http, new DateConventions(connection.dateFormat(), connection.timeZone()),
                PAGES_AHEAD);
        this.records = new NetSuiteRecords(http);
        this.catalog = new NetSuiteCatalog(new CustomFieldCatalog(http, connection.accountId(),
                connection.stateDirectory(), clock, CATALOG_TIME_TO_LIVE));
    }

    public NetSuiteConnection connection() {
        return connection;
    }

    public SuiteQl suiteQl() {
        governance();
        return suiteQl;
    }

    public NetSuiteRecords records() {
        governance();
        return records;
    }

    public NetSuiteCatalog catalog() {
        governance();
        return catalog;
    }

    public LoginGuard loginGuard() {
        return guard;
    }

    /** The budget in force and where it came from; read from NetSuite on first use. */
    public GovernanceReading governance() {
        return governance(false);
    }

    /**
     * Reads the budget; {@code loginCheck} marks the read as {@code nsbridge check}'s login attempt, which the
     * lockout guard may allow while it holds. A refused login is thrown, not replaced by the fallback.
     */
    public synchronized GovernanceReading governance(boolean loginCheck) {
        if (governance == null) {
            governance = readGovernance(loginCheck);
            gate.resize(Math.min(governance.budget().permits(), share));
        }
        return governance;
    }

    /**
     * Holds this client to {@code permits} of the account's budget: where several processes read one account at
     * once (the tasks of a Kafka Connect connector, on any number of workers), each is given its share, so together
     * they never exceed the budget. The budget itself still comes from NetSuite; the smaller of the two applies.
     */
    public synchronized NetSuiteClient shareOfBudget(int permits) {
        if (permits < 1) {
            throw new IllegalArgumentException("a share of the budget is at least 1, not " + permits);
        }
        share = permits;
        if (governance != null) {
            gate.resize(Math.min(governance.budget().permits(), share));
        }
        return this;
    }

    /**
     * How many requests this client sends at once: the account's concurrency budget (read from NetSuite on first
     * use), or this client's share of it. How many workers, readers or writers, are worth running.
     */
    public int concurrencyPermits() {
        GovernanceReading reading = governance();
        synchronized (this) {
            return Math.min(reading.budget().permits(), share);
        }
    }

    /** Requests in flight right now, for progress displays. */
    public int inFlight() {
        return gate.inFlight();
    }

    private GovernanceReading readGovernance(boolean loginCheck) {
        NetSuiteRequest request = NetSuiteRequest.get(GovernanceLimits.PATH, Map.of("Accept", "application/json"));
        try {
            String body = http.send(loginCheck ? request.asLoginCheck() : request).body();
            GovernanceLimits limits = GovernanceLimits.parse(body, json);
            return new GovernanceReading(ConcurrencyBudget.fromLimits(limits, connection.concurrency(),
                    connection.reserve()), Optional.of(limits), Optional.empty());
        } catch (AuthenticationException | ConfigurationException unreadable) {
            // Only administrators may read governanceLimits; any other role works within the configured limit.
            if (unreadable instanceof AuthenticationException && !ErrorCodes.isPermission(unreadable)) {
                throw unreadable;
            }
            return new GovernanceReading(ConcurrencyBudget.configured(connection.concurrency(), connection.reserve()),
                    Optional.empty(), Optional.of(unreadable.getMessage()));
        }
    }

    /** Names only what cannot carry a secret. */
    @Override
    public String toString() {
        return "NetSuiteClient[" + connection.accountId() + " at " + connection.baseUrl() + "]";
    }
}
