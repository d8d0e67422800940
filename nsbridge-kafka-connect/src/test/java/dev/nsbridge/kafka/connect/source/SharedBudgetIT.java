package dev.nsbridge.kafka.connect.source;

import static org.assertj.core.api.Assertions.assertThat;

import dev.nsbridge.kafka.connect.ConnectTestCluster;
import dev.nsbridge.netsuite.governance.LoginGuard;
import dev.nsbridge.sandbox.netsuite.NetSuiteSandbox;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;
import org.apache.kafka.connect.runtime.rest.entities.ConnectorStateInfo;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * Two workers share one account: the tasks together never send more requests at once than the account's budget,
 * and a wrong password, tried again and again, never costs NetSuite's fifth failed login.
 */
final class SharedBudgetIT {
    private static final List<String> TABLES = List.of("customer", "transaction", "transactionline", "item",
            "currency", "subsidiary");
    private static NetSuiteSandbox sandbox;
    private static ConnectTestCluster connect;

    @BeforeAll
    static void start() {
        sandbox = NetSuiteSandbox.start(NetSuiteSandbox.Options.defaults().withScale(0.1));
        connect = ConnectTestCluster.start("budget", 2);
    }

    @AfterAll
    static void stop() {
        connect.close();
        sandbox.close();
    }

    @Test
    void shouldNeverSendMoreRequestsAtOnceThanTheBudgetAcrossTwoWorkers() {
        // The budget as the account gives it: its concurrency limit less the default reserve of one.
        int budget = NetSuiteSandbox.Options.defaults().concurrencyLimit() - 1;
        sandbox.knobs().latency(Duration.ofMillis(25), Duration.ZERO);
        sandbox.stats().reset();
        Map<String, String> config = ConnectTestCluster.netSuiteSource(sandbox, "budget.", String.join(",", TABLES));
        config.put("tasks.max", "6");
        connect.cluster().configureConnector("budget", config);
        for (String table : TABLES) {
            int rows = (int) ConnectTestCluster.rows(sandbox, table);
            assertThat(connect.awaitCommitted("budget." + table, rows, Duration.ofSeconds(60))).as(table)
                    .hasSize(rows);
        }

        ConnectorStateInfo status = connect.cluster().connectorStatus("budget");
        Set<String> workers = status.tasks().stream().map(ConnectorStateInfo.AbstractState::workerId)
                .collect(Collectors.toSet());
        assertThat(status.tasks()).as("no more tasks than permits").hasSize(budget);
        assertThat(workers).as("tasks on both workers").hasSize(2);
        assertThat(sandbox.stats().peakInFlight()).as("requests in flight at once").isLessThanOrEqualTo(budget)
                .isGreaterThan(1);
        assertThat(sandbox.stats().responsesByStatus()).as("no request refused for concurrency")
                .doesNotContainKey(429);
    }

    @Test
    void shouldStopTryingAWrongPasswordLongBeforeNetSuiteLocksTheUser() throws Exception {
        try (NetSuiteSandbox locked = NetSuiteSandbox.start(NetSuiteSandbox.Options.defaults().withScale(0.01))) {
            Map<String, String> config = ConnectTestCluster.netSuiteSource(locked, "wrong.", "customer,currency");
            config.put("netsuite.token.secret", "not-the-token-secret");
            config.put("tasks.max", "2");
            connect.cluster().configureConnector("wrong", config);
            connect.cluster().assertions().assertConnectorIsFailedAndTasksHaveFailed("wrong", 0,
                    "a wrong password must fail the connector");
            for (int restart = 0; restart < LoginGuard.NETSUITE_LOCKS_AT + 1; restart++) {
                connect.cluster().restartConnectorAndTasks("wrong", false, true, false);
                ConnectTestCluster.sleep(Duration.ofMillis(500));
            }
            connect.cluster().assertions().assertConnectorIsFailedAndTasksHaveFailed("wrong", 0,
                    "a wrong password must keep the connector failed");

            assertThat(locked.stats().failedLogins()).isPositive().isLessThan(LoginGuard.NETSUITE_LOCKS_AT);
            assertThat(locked.stats().failedLogins()).isLessThanOrEqualTo(LoginGuard.STOP_AFTER);
            assertThat(connect.cluster().connectorStatus("wrong").connector().trace()).contains("fix")
                    .doesNotContain("not-the-token-secret");
        }
    }
}
