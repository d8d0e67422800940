package dev.nsbridge.flows;

import static org.assertj.core.api.Assertions.assertThat;

import dev.nsbridge.flows.delivery.DryRunRecorder;
import dev.nsbridge.flows.testing.KlaviyoContract;
import dev.nsbridge.flows.testing.LocalKlaviyo;
import dev.nsbridge.flows.testing.TestRun;
import dev.nsbridge.klaviyo.KlaviyoClient;
import dev.nsbridge.klaviyo.KlaviyoSettings;
import dev.nsbridge.klaviyo.http.Timing;
import dev.nsbridge.netsuite.NetSuiteAccountId;
import dev.nsbridge.netsuite.NetSuiteClient;
import dev.nsbridge.netsuite.NetSuiteConnection;
import dev.nsbridge.netsuite.auth.TbaAuth;
import dev.nsbridge.netsuite.auth.TbaCredentials;
import dev.nsbridge.netsuite.suiteql.SuiteQlQuery;
import dev.nsbridge.netsuite.suiteql.SuiteQlRow;
import dev.nsbridge.sandbox.netsuite.NetSuiteSandbox;
import dev.nsbridge.sandbox.netsuite.NetSuiteSandbox.Options;
import dev.nsbridge.spi.data.RecordError;
import dev.nsbridge.spi.secret.Secret;
import java.net.http.HttpClient;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The flows end to end: the local NetSuite sandbox on one side, a stand-in Klaviyo on the other. */
final class FlowsIT {
    @TempDir
    Path state;
    private NetSuiteSandbox sandbox;
    private LocalKlaviyo klaviyo;
    private NetSuiteClient netSuite;
    private KlaviyoClient klaviyoClient;

    @BeforeEach
    void start() throws Exception {
        sandbox = NetSuiteSandbox.start(Options.defaults().withScale(0.05));
        klaviyo = new LocalKlaviyo();
        NetSuiteAccountId account = NetSuiteAccountId.parse(sandbox.accountId());
        NetSuiteSandbox.Tba tba = sandbox.credentials().tba();
        TbaAuth auth = new TbaAuth(new TbaCredentials(account, Secret.of(tba.consumerKey()),
                Secret.of(tba.consumerSecret()), Secret.of(tba.tokenId()), Secret.of(tba.tokenSecret())),
                sandbox.clock());
        netSuite = new NetSuiteClient(NetSuiteConnection.of(account, auth, state).withBaseUrl(sandbox.baseUrl()),
                HttpClient.newHttpClient(), Clock.systemUTC());
        klaviyoClient = new KlaviyoClient(HttpClient.newHttpClient(),
                KlaviyoSettings.of(Secret.of("pk_flows_test_key")).withBaseUri(klaviyo.baseUri()), Timing.system());
    }

    @AfterEach
    void everyRequestKlaviyoReceivedFollowsItsSpec() {
        try {
            String problems = klaviyo.requests().stream().map(KlaviyoContract::problems)
                    .filter(p -> !p.isEmpty()).distinct().limit(5).collect(Collectors.joining("\n"));
            assertThat(problems).isEmpty();
            assertThat(klaviyo.requests()).allSatisfy(r -> assertThat(r.body()).doesNotContain("pk_flows_test_key"));
        } finally {
            klaviyo.close();
            sandbox.close();
        }
    }

    private FlowPieces flow(String type, Map<String, Object> settings, DryRunRecorder recorder, Instant liveSince) {
        return Flows.build(type, type + "-flow", new FlowContext(netSuite, klaviyoClient,
                FlowType.fromWireName(type).orElseThrow().settings().parse(settings).orThrow(), liveSince,
                Clock.systemUTC(), recorder));
    }

    private FlowPieces flow(String type, Map<String, Object> settings, DryRunRecorder recorder) {
        return flow(type, settings, recorder, sandbox.clock().instant());
    }

    private FlowPieces flow(String type, Map<String, Object> settings) {
        return flow(type, settings, DryRunRecorder.DISCARD);
    }

    private List<SuiteQlRow> query(String text, String... params) {
        return netSuite.suiteQl().page(SuiteQlQuery.of(text, params), 0, 1000).rows();
    }

    @Test
    void shouldNeverSubscribeAnOptedOutCustomer() throws Exception {
        // Gone live tomorrow: every consent on file predates it, so all of it goes as a historical import.
        new TestRun().run(flow("customers", Map.of("list_id", "LIST1", "batch_size", 20), DryRunRecorder.DISCARD,
                Instant.now().plusSeconds(86_400)));

        Set<String> optedOut = query("SELECT LOWER(TRIM(email)) AS email FROM customer WHERE "
                + "globalsubscriptionstatus IN (2, 4) AND email IS NOT NULL").stream().map(r -> r.string("email"))
                .collect(Collectors.toSet());
        assertThat(klaviyo.subscribed()).isNotEmpty();
        assertThat(klaviyo.subscribed()).noneMatch(s -> optedOut.contains(s.email()));
        assertThat(klaviyo.subscribed()).allSatisfy(s -> {
            assertThat(s.historicalImport()).isTrue();
            assertThat(s.consentedAt()).isNotNull();
        });
    }

    @Test
    void shouldImportProfilesWriteBackTheirIdsAndSendNothingNewOnASecondRun() throws Exception {
        FlowPieces customers = flow("customers", Map.of("list_id", "LIST1", "batch_size", 20));
        TestRun run = new TestRun().run(customers);
        Map<String, String> imported = klaviyo.profiles();

        assertThat(imported).isNotEmpty();
        String someone = imported.keySet().iterator().next();
        List<SuiteQlRow> stored = query("SELECT custentity_klaviyo_profile_id AS pid FROM customer WHERE id = ?",
                someone);
        assertThat(stored.get(0).string("pid")).isNotBlank();

        run.run(customers);
        assertThat(klaviyo.profiles()).isEqualTo(imported);
    }

    @Test
    void shouldRefuseAnInvalidEmailGoOnAndResolveItOnRetryOnceFixed() throws Exception {
        FlowPieces customers = flow("customers", Map.of("list_id", "LIST1", "batch_size", 20));
        TestRun run = new TestRun().run(customers);

        List<RecordError> invalid = run.errors().stream().filter(e -> e.code().equals("invalid_email")).toList();
        assertThat(invalid).isNotEmpty();
        assertThat(run.written()).isGreaterThan(invalid.size());
        RecordError first = invalid.get(0);
        assertThat(first.payload()).contains("\"external_id\":\"" + first.recordKey() + "\"");

        sandbox.account().executeAdmin("UPDATE customer SET email = 'fixed" + first.recordKey()
                + "@example.com', phone = NULL WHERE id = " + first.recordKey());
        List<RecordError> still = customers.destination().retry(TestRun.request(customers, false), List.of(first));

        assertThat(still).isEmpty();
        assertThat(klaviyo.profiles()).containsKey(first.recordKey());
    }

    @Test
    void shouldTurnAFailedImportItemIntoARecordErrorThatStaysOpenOnRetry() throws Exception {
        FlowPieces customers = flow("customers", Map.of("list_id", "LIST1"));
        new TestRun().run(customers);
        String key = klaviyo.profiles().keySet().iterator().next();
        String email = query("SELECT LOWER(TRIM(email)) AS email FROM customer WHERE id = ?", key).get(0)
                .string("email");
        klaviyo.refuseEmail(email);
        int subscriptions = klaviyo.subscribed().size();

        List<RecordError> still = customers.destination().retry(TestRun.request(customers, false),
                List.of(new RecordError(key, "KLAVIYO_IMPORT_INVALID", "refused before", "{}")));

        assertThat(still).singleElement().satisfies(error -> {
            assertThat(error.recordKey()).isEqualTo(key);
            assertThat(error.code()).isEqualTo("KLAVIYO_IMPORT_INVALID");
            assertThat(error.reason()).contains("undeliverable");
            assertThat(error.payload()).contains(email);
        });
        assertThat(klaviyo.subscribed()).hasSize(subscriptions);
    }

    @Test
    void shouldSendEveryOrderOnceEvenAfterARunKilledMidway() throws Exception {
        FlowPieces orders = flow("orders", Map.of("batch_size", 25, "line_events", false));
        TestRun run = new TestRun().run(orders, 3, false);
        assertThat(klaviyo.eventKeys()).hasSize(75);

        run.run(orders);
        run.run(orders);

        long salesOrders = query("SELECT COUNT(*) AS n FROM transaction so JOIN customer c ON c.id = so.entity"
                + " WHERE so.type = 'SalesOrd'").get(0).integer("n");
        assertThat(klaviyo.eventKeys()).hasSize((int) salesOrders);
        assertThat(klaviyo.eventKeys()).allMatch(key -> key.contains("|Placed Order|"));
    }

    @Test
    void shouldSendOrderedProductsAndFollowUpsWithTheirOrdersUniqueId() throws Exception {
        new TestRun().run(flow("orders", Map.of()));
        new TestRun().run(flow("fulfillments", Map.of()));
        new TestRun().run(flow("refunds", Map.of()));

        Set<String> keys = klaviyo.eventKeys();
        assertThat(keys).anyMatch(key -> key.contains("|Ordered Product|") && key.matches(".*\\|\\d+:\\d+$"));
        Set<String> placed = keys.stream().filter(k -> k.contains("|Placed Order|"))
                .map(k -> k.substring(k.lastIndexOf('|') + 1)).collect(Collectors.toSet());
        Set<String> fulfilled = keys.stream().filter(k -> k.contains("|Fulfilled Order|"))
                .map(k -> k.substring(k.lastIndexOf('|') + 1)).collect(Collectors.toSet());
        assertThat(fulfilled).isNotEmpty();
        assertThat(placed).containsAll(fulfilled);
    }

    @Test
    void shouldWriteAKlaviyoSuppressionBackAsASoftOptOut() throws Exception {
        SuiteQlRow optedIn = query("SELECT id, email FROM customer WHERE globalsubscriptionstatus = 1 AND email LIKE"
                + " '%@%.%' AND email NOT LIKE '% %' ORDER BY id").get(0);
        klaviyo.suppress(optedIn.string("email").toLowerCase(), Instant.now().minusSeconds(60).toString()
                .replaceAll("\\.\\d+Z$", "Z"));

        TestRun run = new TestRun().run(flow("suppressions", Map.of()));

        assertThat(run.errors()).isEmpty();
        assertThat(query("SELECT globalsubscriptionstatus AS s FROM customer WHERE id = ?", optedIn.string("id"))
                .get(0).string("s")).isEqualTo("2");
        assertThat(run.state().string("suppressed_after")).isPresent();
    }

    @Test
    void shouldBuildPayloadsAndSendNothingOnADryRun() throws Exception {
        DryRunRecorder.Collecting recorder = DryRunRecorder.collecting();

        new TestRun().run(flow("customers", Map.of("list_id", "LIST1", "batch_size", 10), recorder), 1, true);
        new TestRun().run(flow("orders", Map.of("batch_size", 5), recorder), 1, true);

        assertThat(klaviyo.requests()).isEmpty();
        assertThat(recorder.payloads()).extracting(p -> p.target()).contains("/api/profile-bulk-import-jobs",
                "/api/event-bulk-create-jobs");
        assertThat(recorder.payloads()).allSatisfy(p -> assertThat(p.body()).startsWith("{"));
    }

    @Test
    void shouldSendItemsAsCatalogItems() throws Exception {
        new TestRun().run(flow("items", Map.of("url_template", "https://shop.example.com/p/{sku}",
                "custom_metadata", Map.of("custitem_brand", "brand"))));

        long active = query("SELECT COUNT(*) AS n FROM item WHERE isinactive = 'F'").get(0).integer("n");
        assertThat(klaviyo.catalog()).hasSize((int) active);
        assertThat(klaviyo.catalog().values()).allSatisfy(item ->
                assertThat(item.path("url").asText()).startsWith("https://shop.example.com/p/SKU-"));
    }
}
