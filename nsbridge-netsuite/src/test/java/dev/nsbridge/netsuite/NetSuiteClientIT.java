package dev.nsbridge.netsuite;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.nsbridge.netsuite.check.CheckReport;
import dev.nsbridge.netsuite.check.NetSuiteCheck;
import dev.nsbridge.netsuite.governance.ConcurrencyBudget;
import dev.nsbridge.netsuite.governance.GovernanceReading;
import dev.nsbridge.netsuite.suiteql.SuiteQl;
import dev.nsbridge.netsuite.suiteql.SuiteQlQuery;
import dev.nsbridge.netsuite.suiteql.SuiteQlRow;
import dev.nsbridge.netsuite.suiteql.SuiteQlRows;
import dev.nsbridge.netsuite.suiteql.SuiteQlSelect;
import dev.nsbridge.netsuite.testing.SandboxClients;
import dev.nsbridge.sandbox.netsuite.NetSuiteSandbox;
import dev.nsbridge.sandbox.netsuite.NetSuiteSandbox.Faults;
import dev.nsbridge.sandbox.netsuite.NetSuiteSandbox.Options;
import dev.nsbridge.spi.errors.AuthenticationException;
import dev.nsbridge.spi.errors.ConfigurationException;
import dev.nsbridge.spi.stream.Column;
import dev.nsbridge.spi.stream.ColumnType;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The client against the sandbox NetSuite: a generated account behind the real server (auth, pool, faults, paging). */
final class NetSuiteClientIT {
    /**
     * Scale 1 generates about 35,000 transaction lines; 7.5 gives 266,844 with the default seed. Generating it takes
     * 7 to 9 s on two quiet cores, reading it about 5 s more.
     */
    private static final double QUARTER_MILLION_LINES = 7.5;
    /** About 1,800 lines: enough for paging, quick to generate. */
    private static final double SMALL = 0.05;
    private static final List<Column> LINE_COLUMNS = List.of(new Column("transaction", ColumnType.INTEGER),
            new Column("id", ColumnType.INTEGER), new Column("memo", ColumnType.STRING));
    private static final List<String> LINE_KEY = List.of("transaction", "id");

    @TempDir
    Path state;
    private NetSuiteSandbox sandbox;
    private SandboxClients clients;

    @AfterEach
    void stop() {
        if (sandbox != null) {
            sandbox.close();
        }
    }

    private void start(double scale, int concurrencyLimit) {
        sandbox = NetSuiteSandbox.start(Options.defaults().withScale(scale).withConcurrencyLimit(concurrencyLimit));
        clients = new SandboxClients(sandbox, state);
    }

    private static long usedHeapAfterGc() {
        Runtime runtime = Runtime.getRuntime();
        for (int i = 0; i < 3; i++) {
            System.gc();
        }
        return runtime.totalMemory() - runtime.freeMemory();
    }

    @Test
    void shouldReadAQuarterMillionLinesOnceInBoundedMemory() {
        start(QUARTER_MILLION_LINES, 5);
        long tableRows = sandbox.account().rowCount("transactionline");
        assertThat(tableRows).isGreaterThanOrEqualTo(250_000);
        KeyOrder order = new KeyOrder();
        List<Long> heap = new ArrayList<>();

        try (SuiteQlRows lines = clients.tba().suiteQl().readByKeyset(
                SuiteQlSelect.from("transactionline", LINE_COLUMNS), LINE_KEY, 1000)) {
            while (lines.hasNext()) {
                order.accept(lines.next());
                if (order.rows() % 50_000 == 0) {
                    heap.add(usedHeapAfterGc());
                }
            }
        }

        // Strictly rising keys are all distinct; as many distinct keys as the table has rows is every row once.
        assertThat(order.rows()).isEqualTo(tableRows);
        // Memory holds a few pages whatever the row count: the last sample is no more than the first plus slack.
        assertThat(heap).hasSize((int) (tableRows / 50_000));
        assertThat(heap.get(heap.size() - 1)).isLessThan(heap.get(0) + 32L * 1024 * 1024);
        assertThat(sandbox.stats().responsesByStatus()).containsOnlyKeys(200);
    }

    @Test
    void shouldStopAfterTwoFailedLoginsBeforeTheSandboxLocksTheUser() {
        start(SMALL, 5);
        NetSuiteClient wrong = clients.tba("not-the-token-secret");

        for (int i = 0; i < 4; i++) {
            assertThatThrownBy(wrong::suiteQl).isInstanceOf(AuthenticationException.class);
        }

        assertThat(sandbox.stats().failedLogins()).isEqualTo(2);
        assertThatThrownBy(() -> clients.tba().suiteQl()).isInstanceOfSatisfying(AuthenticationException.class,
                e -> assertThat(e.code()).isEqualTo("LOGIN_GUARD"));
        assertThat(sandbox.stats().failedLogins()).isEqualTo(2);

        CheckReport report = new NetSuiteCheck(clients.tba()).run();

        assertThat(report.passed()).as(report.toText()).isTrue();
        NetSuiteClient client = clients.tba();
        assertThat(client.loginGuard().state().consecutiveFailures()).isZero();
        assertThat(client.suiteQl().page(SuiteQlQuery.of("SELECT id FROM customer"), 0, 10).rows()).hasSize(10);
    }

    @Test
    void shouldNeverHaveMoreRequestsInFlightThanTheBudget() throws Exception {
        start(0.3, 5);
        long tableRows = sandbox.account().rowCount("transactionline");
        NetSuiteClient client = clients.tba();
        SuiteQl suiteQl = client.suiteQl();
        long lastTransaction = suiteQl.page(SuiteQlQuery.of("SELECT MAX(transaction) AS last FROM transactionline"),
                0, 1).rows().get(0).integer("last");
        sandbox.knobs().latency(Duration.ofMillis(15), Duration.ZERO);
        ExecutorService readers = Executors.newFixedThreadPool(6);
        List<Future<Long>> counts = new ArrayList<>();
        long slice = lastTransaction / 6 + 1;
        for (int i = 0; i < 6; i++) {
            SuiteQlSelect select = SuiteQlSelect.from("transactionline", LINE_COLUMNS).range("transaction",
                    i * slice, (i + 1) * slice);
            counts.add(readers.submit(() -> count(suiteQl.readByKeyset(select, LINE_KEY, 200))));
        }
        long total = 0;
        for (Future<Long> count : counts) {
            total += count.get(60, TimeUnit.SECONDS);
        }
        readers.shutdown();

        assertThat(total).isEqualTo(tableRows);
        assertThat(client.governance().budget().permits()).isEqualTo(4);
        assertThat(sandbox.stats().peakInFlight()).isLessThanOrEqualTo(4);
        assertThat(sandbox.stats().responsesByStatus()).doesNotContainKey(429);
    }

    @Test
    void shouldHoldAClientToItsShareOfTheBudget() throws Exception {
        start(0.3, 5);
        NetSuiteClient client = clients.tba().shareOfBudget(2);
        SuiteQl suiteQl = client.suiteQl();
        long lastTransaction = suiteQl.page(SuiteQlQuery.of("SELECT MAX(transaction) AS last FROM transactionline"),
                0, 1).rows().get(0).integer("last");
        sandbox.knobs().latency(Duration.ofMillis(15), Duration.ZERO);
        sandbox.stats().reset();
        ExecutorService readers = Executors.newFixedThreadPool(6);
        List<Future<Long>> counts = new ArrayList<>();
        long slice = lastTransaction / 6 + 1;
        for (int i = 0; i < 6; i++) {
            SuiteQlSelect select = SuiteQlSelect.from("transactionline", LINE_COLUMNS).range("transaction",
                    i * slice, (i + 1) * slice);
            counts.add(readers.submit(() -> count(suiteQl.readByKeyset(select, LINE_KEY, 200))));
        }
        for (Future<Long> count : counts) {
            count.get(60, TimeUnit.SECONDS);
        }
        readers.shutdown();

        assertThat(client.governance().budget().permits()).as("the account's budget").isEqualTo(4);
        assertThat(client.concurrencyPermits()).isEqualTo(2);
        assertThat(sandbox.stats().peakInFlight()).isEqualTo(2);
    }

    @Test
    void shouldRideOutThrottlingServerErrorsAndDroppedConnections() {
        start(0.3, 5);
        long tableRows = sandbox.account().rowCount("transactionline");
        sandbox.knobs().faults(new Faults(0.1, 0.1, 0.0, Duration.ZERO, 0.05));
        KeyOrder order = new KeyOrder();

        // About a hundred pages, so every kind of fault is drawn.
        try (SuiteQlRows lines = clients.tba().suiteQl().readByKeyset(
                SuiteQlSelect.from("transactionline", LINE_COLUMNS), LINE_KEY, 100)) {
            while (lines.hasNext()) {
                order.accept(lines.next());
            }
        }

        assertThat(order.rows()).isEqualTo(tableRows);
        assertThat(sandbox.stats().responsesByStatus()).containsKeys(429, 500);
        assertThat(sandbox.stats().failedLogins()).isZero();
    }

    @Test
    void shouldSurfaceNetSuitesTextForABadQuery() {
        start(SMALL, 5);

        assertThatThrownBy(() -> clients.tba().suiteQl().page(SuiteQlQuery.of("SELECT id FROM nosuchtable"), 0, 10))
                .isInstanceOfSatisfying(ConfigurationException.class, e -> {
                    assertThat(e.code()).isEqualTo("INVALID_PARAMETER");
                    assertThat(e.getMessage()).contains("Invalid search query.", "nosuchtable");
                });
    }

    @Test
    void shouldReadTheBudgetFromGovernanceLimitsWhenTheRoleMay() {
        start(SMALL, 8);

        GovernanceReading reading = clients.tba().governance();

        assertThat(reading.limits()).isPresent();
        assertThat(reading.budget().source()).isEqualTo(ConcurrencyBudget.Source.ACCOUNT_UNALLOCATED_LIMIT);
        assertThat(reading.budget().permits()).isEqualTo(7);
    }

    @Test
    void shouldFallBackToTheConfiguredConcurrencyWhenGovernanceLimitsIsForbidden() {
        start(SMALL, 8);
        sandbox.knobs().governanceReadable(false);

        GovernanceReading reading = clients.tba().governance();

        assertThat(reading.budget().source()).isEqualTo(ConcurrencyBudget.Source.CONFIGURED);
        assertThat(reading.budget().permits()).isEqualTo(4);
        assertThat(reading.unreadableBecause()).hasValueSatisfying(why -> assertThat(why).contains("403"));
    }

    private static long count(SuiteQlRows rows) {
        KeyOrder order = new KeyOrder();
        try (rows) {
            while (rows.hasNext()) {
                order.accept(rows.next());
            }
        }
        return order.rows();
    }

    /** Checks that (transaction, id) keys arrive strictly rising, in constant memory, and counts them. */
    private static final class KeyOrder {
        private long lastTransaction = Long.MIN_VALUE;
        private long lastId = Long.MIN_VALUE;
        private long rows;

        void accept(SuiteQlRow line) {
            long transaction = line.integer("transaction");
            long id = line.integer("id");
            if (transaction < lastTransaction || (transaction == lastTransaction && id <= lastId)) {
                throw new AssertionError("line (" + transaction + ", " + id + ") came after (" + lastTransaction
                        + ", " + lastId + ")");
            }
            lastTransaction = transaction;
            lastId = id;
            rows++;
        }

        long rows() {
            return rows;
        }
    }
}
