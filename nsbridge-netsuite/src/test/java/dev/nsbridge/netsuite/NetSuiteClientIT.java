package dev.nsbridge.netsuite;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.nsbridge.netsuite.auth.TbaAuth;
import dev.nsbridge.netsuite.auth.TbaCredentials;
import dev.nsbridge.netsuite.check.CheckReport;
import dev.nsbridge.netsuite.check.CheckStep;
import dev.nsbridge.netsuite.check.NetSuiteCheck;
import dev.nsbridge.netsuite.governance.ConcurrencyBudget;
import dev.nsbridge.netsuite.governance.GovernanceReading;
import dev.nsbridge.netsuite.http.RetryPolicy;
import dev.nsbridge.netsuite.suiteql.SuiteQl;
import dev.nsbridge.netsuite.suiteql.SuiteQlQuery;
import dev.nsbridge.netsuite.suiteql.SuiteQlRow;
import dev.nsbridge.netsuite.suiteql.SuiteQlRows;
import dev.nsbridge.netsuite.suiteql.SuiteQlSelect;
import dev.nsbridge.netsuite.testing.SyntheticAccount;
import dev.nsbridge.sandbox.netsuite.NetSuiteSandbox;
import dev.nsbridge.sandbox.netsuite.NetSuiteSandbox.Faults;
import dev.nsbridge.sandbox.netsuite.NetSuiteSandbox.Options;
import dev.nsbridge.spi.errors.AuthenticationException;
import dev.nsbridge.spi.errors.ConfigurationException;
import dev.nsbridge.spi.secret.Secret;
import dev.nsbridge.spi.stream.Column;
import dev.nsbridge.spi.stream.ColumnType;
import java.net.http.HttpClient;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.BitSet;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The client against the sandbox NetSuite server. The account behind it is {@link SyntheticAccount} until the
 * sandbox's generator lands; the server (auth, lockouts, concurrency pool, faults, paging) is the real one.
 */
final class NetSuiteClientIT {
    private static final int LINES_PER_TRANSACTION = 100;
    private static final List<Column> LINE_COLUMNS = List.of(new Column("transaction", ColumnType.INTEGER),
            new Column("id", ColumnType.INTEGER), new Column("memo", ColumnType.STRING));
    private static final List<String> LINE_KEY = List.of("transaction", "id");
    private static final RetryPolicy FAST = new RetryPolicy(10, Duration.ofMillis(5), Duration.ofMillis(50));

    @TempDir
    Path state;
    private NetSuiteSandbox sandbox;

    @AfterEach
    void stop() {
        if (sandbox != null) {
            sandbox.close();
        }
    }

    private NetSuiteSandbox start(int transactions, int concurrencyLimit) {
        sandbox = NetSuiteSandbox.start(Options.defaults().withConcurrencyLimit(concurrencyLimit),
                new SyntheticAccount(transactions, LINES_PER_TRANSACTION));
        return sandbox;
    }

    private NetSuiteClient client(String tokenSecret) {
        NetSuiteAccountId account = NetSuiteAccountId.parse(sandbox.accountId());
        NetSuiteSandbox.Tba tba = sandbox.credentials().tba();
        TbaAuth auth = new TbaAuth(new TbaCredentials(account, Secret.of(tba.consumerKey()),
                Secret.of(tba.consumerSecret()), Secret.of(tba.tokenId()), Secret.of(tokenSecret)), sandbox.clock());
        NetSuiteConnection connection = NetSuiteConnection.of(account, auth, state).withBaseUrl(sandbox.baseUrl())
                .withRetryPolicy(FAST);
        return new NetSuiteClient(connection, HttpClient.newHttpClient(), Clock.systemUTC());
    }

    private NetSuiteClient client() {
        return client(sandbox.credentials().tba().tokenSecret());
    }

    private static long usedHeapAfterGc() {
        Runtime runtime = Runtime.getRuntime();
        for (int i = 0; i < 3; i++) {
            System.gc();
        }
        return runtime.totalMemory() - runtime.freeMemory();
    }

    @Test
    void shouldReadAQuarterMillionLinesByKeyEveryIdOnceInBoundedMemory() {
        start(2_500, 5);
        BitSet seen = new BitSet(2_500 * LINES_PER_TRANSACTION + LINES_PER_TRANSACTION + 1);
        List<Long> heap = new ArrayList<>();
        long rows = 0;

        try (SuiteQlRows lines = client().suiteQl().readByKeyset(SuiteQlSelect.from("transactionline", LINE_COLUMNS),
                LINE_KEY, 1000)) {
            while (lines.hasNext()) {
                SuiteQlRow line = lines.next();
                int position = (int) ((line.integer("transaction") - 1) * LINES_PER_TRANSACTION + line.integer("id"));
                assertThat(seen.get(position)).as("line %s seen twice", position).isFalse();
                seen.set(position);
                if (++rows % 50_000 == 0) {
                    heap.add(usedHeapAfterGc());
                }
            }
        }

        assertThat(rows).isEqualTo(250_000);
        assertThat(seen.cardinality()).isEqualTo(250_000);
        // Memory holds a few pages whatever the row count: the last sample is no more than the first plus slack.
        assertThat(heap).hasSize(5);
        assertThat(heap.get(4)).isLessThan(heap.get(0) + 32L * 1024 * 1024);
        assertThat(sandbox.stats().responsesByStatus()).doesNotContainKey(400);
    }

    @Test
    void shouldStopAfterTwoFailedLoginsBeforeTheSandboxLocksTheUser() {
        start(10, 5);
        NetSuiteClient wrong = client("not-the-token-secret");

        for (int i = 0; i < 4; i++) {
            assertThatThrownBy(() -> wrong.suiteQl()).isInstanceOf(AuthenticationException.class);
        }

        assertThat(sandbox.stats().failedLogins()).isEqualTo(2);
        assertThatThrownBy(() -> client().suiteQl()).isInstanceOfSatisfying(AuthenticationException.class,
                e -> assertThat(e.code()).isEqualTo("LOGIN_GUARD"));
        assertThat(sandbox.stats().failedLogins()).isEqualTo(2);

        CheckReport report = new NetSuiteCheck(client()).run();

        assertThat(report.passed()).as(report.toText()).isTrue();
        assertThat(client().loginGuard().state().consecutiveFailures()).isZero();
        assertThat(client().suiteQl().page(SuiteQlQuery.of("SELECT id FROM customer"), 0, 10).rows()).hasSize(1);
    }

    @Test
    void shouldNeverHaveMoreRequestsInFlightThanTheBudget() throws Exception {
        start(400, 5);
        sandbox.knobs().latency(Duration.ofMillis(15), Duration.ZERO);
        NetSuiteClient client = client();
        SuiteQl suiteQl = client.suiteQl();
        ExecutorService readers = Executors.newFixedThreadPool(6);
        List<Future<Long>> counts = new ArrayList<>();
        for (int slice = 0; slice < 6; slice++) {
            long from = 1 + slice * 70L;
            SuiteQlSelect select = SuiteQlSelect.from("transactionline", LINE_COLUMNS).range("transaction", from,
                    from + 70);
            counts.add(readers.submit(() -> count(suiteQl.readByKeyset(select, LINE_KEY, 200))));
        }
        long total = 0;
        for (Future<Long> count : counts) {
            total += count.get();
        }
        readers.shutdown();

        assertThat(total).isEqualTo(40_000);
        assertThat(client.governance().budget().permits()).isEqualTo(4);
        assertThat(sandbox.stats().peakInFlight()).isLessThanOrEqualTo(4);
        assertThat(sandbox.stats().responsesByStatus()).doesNotContainKey(429);
    }

    @Test
    void shouldRideOutThrottlingServerErrorsAndDroppedConnections() {
        start(200, 5);
        sandbox.knobs().faults(new Faults(0.1, 0.1, 0.0, Duration.ZERO, 0.05));
        BitSet seen = new BitSet();
        long rows = 0;

        try (SuiteQlRows lines = client().suiteQl().readByKeyset(SuiteQlSelect.from("transactionline", LINE_COLUMNS),
                LINE_KEY, 250)) {
            while (lines.hasNext()) {
                SuiteQlRow line = lines.next();
                int position = (int) ((line.integer("transaction") - 1) * LINES_PER_TRANSACTION + line.integer("id"));
                assertThat(seen.get(position)).isFalse();
                seen.set(position);
                rows++;
            }
        }

        assertThat(rows).isEqualTo(20_000);
        assertThat(sandbox.stats().responsesByStatus()).containsKeys(429, 500);
        assertThat(sandbox.stats().failedLogins()).isZero();
    }

    @Test
    void shouldSurfaceNetSuitesTextForABadQuery() {
        start(1, 5);

        assertThatThrownBy(() -> client().suiteQl().page(SuiteQlQuery.of("SELECT id FROM nosuchtable"), 0, 10))
                .isInstanceOfSatisfying(ConfigurationException.class, e -> {
                    assertThat(e.code()).isEqualTo("INVALID_PARAMETER");
                    assertThat(e.getMessage()).contains("Invalid search query.", "Invalid search type: nosuchtable.");
                });
    }

    @Test
    void shouldReadTheBudgetFromGovernanceLimitsWhenTheRoleMay() {
        start(1, 8);

        GovernanceReading reading = client().governance();

        assertThat(reading.limits()).isPresent();
        assertThat(reading.budget().source()).isEqualTo(ConcurrencyBudget.Source.ACCOUNT_UNALLOCATED_LIMIT);
        assertThat(reading.budget().permits()).isEqualTo(7);
    }

    @Test
    void shouldFallBackToTheConfiguredConcurrencyWhenGovernanceLimitsIsForbidden() {
        start(1, 8);
        sandbox.knobs().governanceReadable(false);

        NetSuiteClient client = client();
        GovernanceReading reading = client.governance();
        CheckReport report = new NetSuiteCheck(client).run();

        assertThat(reading.budget().source()).isEqualTo(ConcurrencyBudget.Source.CONFIGURED);
        assertThat(reading.budget().permits()).isEqualTo(4);
        assertThat(reading.unreadableBecause()).hasValueSatisfying(why -> assertThat(why).contains("403"));
        assertThat(report.passed()).isTrue();
        assertThat(report.steps()).anySatisfy(step -> {
            assertThat(step.name()).isEqualTo("role can read governance limits");
            assertThat(step.status()).isEqualTo(CheckStep.Status.WARNED);
        });
    }

    private static long count(SuiteQlRows rows) {
        try (rows) {
            long count = 0;
            while (rows.hasNext()) {
                rows.next();
                count++;
            }
            return count;
        }
    }
}
