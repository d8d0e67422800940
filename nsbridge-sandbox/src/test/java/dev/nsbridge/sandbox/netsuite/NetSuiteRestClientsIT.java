package dev.nsbridge.sandbox.netsuite;

import static org.assertj.core.api.Assertions.assertThat;

import dev.nsbridge.sandbox.OutsideClients;
import dev.nsbridge.sandbox.netsuite.auth.LoginAttempt;
import dev.nsbridge.sandbox.netsuite.data.NetSuiteAccount;
import dev.nsbridge.sandbox.netsuite.data.SuiteQlException;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.TestFactory;

/**
 * The npm clients {@code netsuite-rest} and {@code oauth-1.0a}, unmodified and pinned, against the local NetSuite
 * ({@code src/test/node/netsuite-rest.mjs}): SuiteQL paged past 1,000 rows, a customer read and patched, a 404, a
 * 400 and a wrong token secret. What the clients read is compared here with the account's own store.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
final class NetSuiteRestClientsIT {
    /** Lines of the sales orders: about 1,800 rows at this scale, so the clients page past NetSuite's 1,000. */
    private static final String PAGED_TABLE = "transactionline";
    private static final double SCALE = 0.05;
    private static final String RECORD_GET = "netsuite-rest GET record/v1/customer/{id}";

    private NetSuiteSandbox sandbox;
    private NetSuiteAccount account;
    private long customerId;
    private OutsideClients.Run run;

    @BeforeAll
    void runTheClients() throws SuiteQlException {
        OutsideClients clients = OutsideClients.installed();
        sandbox = NetSuiteSandbox.start(NetSuiteSandbox.Options.defaults().withScale(SCALE));
        account = sandbox.account();
        customerId = customerWithTheHardestName();
        NetSuiteSandbox.Tba tba = sandbox.credentials().tba();
        long missing = Long.parseLong(account.query("SELECT MAX(id) AS id FROM customer", List.of(), 0, 1).items()
                .get(0).get("id")) + 1_000;
        run = clients.run("netsuite-rest.mjs", Map.of(
                "NETSUITE_BASE_URL", sandbox.baseUrl().toString(),
                "NETSUITE_ACCOUNT_ID", sandbox.accountId(),
                "NETSUITE_CONSUMER_KEY", tba.consumerKey(),
                "NETSUITE_CONSUMER_SECRET", tba.consumerSecret(),
                "NETSUITE_TOKEN_ID", tba.tokenId(),
                "NETSUITE_TOKEN_SECRET", tba.tokenSecret(),
                "NETSUITE_PAGED_TABLE", PAGED_TABLE,
                "NETSUITE_CUSTOMER_ID", String.valueOf(customerId),
                "NETSUITE_MISSING_CUSTOMER_ID", String.valueOf(missing)));
    }

    @AfterAll
    void stop() {
        sandbox.close();
    }

    @TestFactory
    Stream<DynamicTest> shouldAnswerEachClientCallAsTheClientsExpect() {
        return run.tests();
    }

    @Test
    void shouldHavePagedThroughEveryRowOfTheTable() {
        long rows = account.rowCount(PAGED_TABLE);

        assertThat(rows).as("rows in " + PAGED_TABLE + ", more than one page of 1,000").isGreaterThan(1_000);
        assertThat(run.check("netsuite-rest POST query/v1/suiteql", "reads every row").fact("rows"))
                .isEqualTo(String.valueOf(rows));
    }

    @Test
    void shouldHaveReadTheCustomersNamesAsTheAccountHoldsThem() {
        Map<String, Object> stored = account.getRecord("customer", customerId).orElseThrow();
        OutsideClients.Check read = run.check(RECORD_GET, "reads the customer");

        for (String field : List.of("firstName", "lastName", "companyName")) {
            assertThat(read.fact(field)).as(RECORD_GET + " " + field + " of customer " + customerId)
                    .isEqualTo(stored.get(field));
        }
    }

    @Test
    void shouldHaveStoredWhatTheClientPatched() {
        OutsideClients.Check patch = run.check("netsuite-rest PATCH record/v1/customer/{id}", "changes");

        assertThat(patch.fact("value")).isNotNull();
        assertThat(account.getRecord("customer", customerId).orElseThrow().get("custentity_klaviyo_profile_id"))
                .isEqualTo(patch.fact("value"));
    }

    @Test
    void shouldHaveRefusedTheWrongSecretOnceAndNoOtherLogin() {
        List<LoginAttempt> refused = sandbox.stats().loginAuditTrail().stream()
                .filter(attempt -> !attempt.accepted()).toList();

        assertThat(refused).singleElement().satisfies(attempt -> {
            assertThat(attempt.method()).isEqualTo("TBA");
            assertThat(attempt.reason()).containsIgnoringCase("signature");
        });
    }

    /**
     * A customer whose name has a character outside Latin-1 (such as Ł), else outside ASCII: the text most likely to
     * be broken by a wrong charset on either side of the wire.
     */
    private long customerWithTheHardestName() throws SuiteQlException {
        List<Map<String, String>> customers = account.query(
                "SELECT id, firstname, lastname, companyname FROM customer ORDER BY id", List.of(), 0, 1_000).items();
        for (int beyond : new int[] {0xFF, 0x7F}) {
            for (Map<String, String> customer : customers) {
                String names = customer.getOrDefault("firstname", "") + customer.getOrDefault("lastname", "")
                        + customer.getOrDefault("companyname", "");
                if (names.chars().anyMatch(c -> c > beyond)) {
                    return Long.parseLong(customer.get("id"));
                }
            }
        }
        throw new AssertionError("the generated account has no customer with a name outside ASCII");
    }
}
