package dev.nsbridge.flows;

import static org.assertj.core.api.Assertions.assertThat;

import dev.nsbridge.flows.contact.SubscriptionStatus;
import dev.nsbridge.flows.delivery.DryRunRecorder;
import dev.nsbridge.flows.testing.Sandboxes;
import dev.nsbridge.flows.testing.TestRun;
import dev.nsbridge.klaviyo.profiles.Profile;
import dev.nsbridge.netsuite.suiteql.SuiteQlRow;
import dev.nsbridge.sandbox.klaviyo.KlaviyoEvent;
import dev.nsbridge.sandbox.klaviyo.KlaviyoProfile;
import dev.nsbridge.sandbox.klaviyo.KlaviyoSandbox;
import dev.nsbridge.sandbox.klaviyo.KlaviyoSubscription;
import dev.nsbridge.sandbox.klaviyo.ReceivedRequest;
import dev.nsbridge.sandbox.klaviyo.SuppressionReason;
import dev.nsbridge.spi.data.RecordError;
import java.nio.file.Path;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The flows end to end between the local NetSuite and the local Klaviyo that `nsbridge sandbox` runs. */
final class FlowsIT {
    @TempDir
    Path state;
    private Sandboxes sandboxes;
    private KlaviyoSandbox klaviyo;

    @BeforeEach
    void start() {
        sandboxes = Sandboxes.start(state);
        klaviyo = sandboxes.klaviyoSandbox();
    }

    @AfterEach
    void everyRequestKlaviyoReceivedShouldValidateAgainstItsSpec() {
        try {
            List<ReceivedRequest> received = klaviyo.received();
            assertThat(received).filteredOn(r -> !r.valid())
                    .extracting(r -> r.status() + " " + r.method() + " " + r.path()).isEmpty();
            assertThat(received).allSatisfy(r -> assertThat(r.body()).doesNotContain(klaviyo.privateApiKey()));
        } finally {
            sandboxes.close();
        }
    }

    private Map<String, Object> customers() {
        return Map.of("list_id", sandboxes.listId(), "batch_size", 20);
    }

    @Test
    void shouldSendNothingNewOnASecondRun() throws Exception {
        FlowPieces customers = sandboxes.flow("customers", customers());
        FlowPieces orders = sandboxes.flow("orders", Map.of("batch_size", 25));
        TestRun customerRun = new TestRun().run(customers);
        TestRun orderRun = new TestRun().run(orders);
        List<KlaviyoProfile> profiles = klaviyo.profiles();
        List<KlaviyoEvent> events = klaviyo.events();
        int requests = klaviyo.received().size();

        customerRun.run(customers);
        orderRun.run(orders);

        assertThat(profiles).isNotEmpty();
        assertThat(events).isNotEmpty();
        assertThat(klaviyo.profiles()).isEqualTo(profiles);
        assertThat(klaviyo.events()).isEqualTo(events);
        assertThat(klaviyo.received().subList(requests, klaviyo.received().size()))
                .extracting(r -> r.method() + " " + r.path()).noneMatch(r -> r.startsWith("POST"));
    }

    @Test
    void shouldLeaveEveryOrderAndEveryProfileOnceAfterARunKilledMidwayAndRerun() throws Exception {
        FlowPieces orders = sandboxes.flow("orders", Map.of("batch_size", 25, "line_events", false));
        FlowPieces customers = sandboxes.flow("customers", customers());
        TestRun orderRun = new TestRun().runKilledAfter(orders, 3);
        TestRun customerRun = new TestRun().runKilledAfter(customers, 2);
        assertThat(placedOrderIds()).hasSize(75);

        orderRun.run(orders);
        customerRun.run(customers);

        List<String> expectedOrders = sandboxes.query("SELECT so.id AS id FROM transaction so JOIN customer c"
                + " ON c.id = so.entity WHERE so.type = 'SalesOrd'").stream().map(r -> r.string("id")).toList();
        assertThat(placedOrderIds()).containsExactlyInAnyOrderElementsOf(expectedOrders);
        Map<String, Long> profilesByExternalId = klaviyo.profiles().stream().filter(p -> p.externalId() != null)
                .collect(Collectors.groupingBy(KlaviyoProfile::externalId, Collectors.counting()));
        assertThat(profilesByExternalId).isNotEmpty().allSatisfy((id, count) -> assertThat(count).isOne());
        assertThat(profilesByExternalId.keySet()).containsAll(sentCustomerIds(customerRun));
    }

    @Test
    void shouldNeverSubscribeAnOptedOutCustomer() throws Exception {
        new TestRun().run(sandboxes.flow("customers", customers()));

        Set<String> optedOut = sandboxes.query("SELECT LOWER(TRIM(email)) AS email FROM customer WHERE "
                + "globalsubscriptionstatus IN (2, 4) AND email IS NOT NULL").stream().map(r -> r.string("email"))
                .collect(Collectors.toSet());
        Map<String, KlaviyoProfile> byId = klaviyo.profiles().stream()
                .collect(Collectors.toMap(KlaviyoProfile::id, Function.identity()));
        List<KlaviyoSubscription> subscriptions = klaviyo.subscriptions();
        assertThat(optedOut).isNotEmpty();
        assertThat(subscriptions).isNotEmpty().allSatisfy(s -> {
            assertThat(s.listId()).isEqualTo(sandboxes.listId());
            assertThat(byId.get(s.profileId()).email()).isNotIn(optedOut);
        });
    }

    @Test
    void shouldSendHistoryAsBackfillAndOldConsentAsAHistoricalImport() throws Exception {
        // Gone live now: every order and every consent on file predates it.
        new TestRun().run(sandboxes.flow("customers", customers()));
        new TestRun().run(sandboxes.flow("orders", Map.of()));

        assertThat(klaviyo.events()).isNotEmpty().filteredOn(e -> !e.backfill())
                .extracting(e -> e.metricName() + " " + e.uniqueId() + " at " + e.time()).isEmpty();
        assertThat(klaviyo.subscriptions()).isNotEmpty().allSatisfy(s -> {
            assertThat(s.historicalImport()).isTrue();
            assertThat(s.consentedAt()).isBefore(Instant.now());
        });
    }

    @Test
    void shouldWriteAKlaviyoSuppressionBackAsASoftOptOut() throws Exception {
        SuiteQlRow optedIn = sandboxes.query("SELECT id, email FROM customer WHERE globalsubscriptionstatus = 1"
                + " AND email LIKE '%@%.%' AND email NOT LIKE '% %' ORDER BY id").get(0);
        klaviyo.suppress(optedIn.string("email").toLowerCase(), SuppressionReason.UNSUBSCRIBE,
                klaviyo.clock().instant().minusSeconds(60).truncatedTo(ChronoUnit.SECONDS));

        TestRun run = new TestRun().run(sandboxes.flow("suppressions", Map.of()));

        assertThat(run.errors()).isEmpty();
        assertThat(sandboxes.query("SELECT globalsubscriptionstatus AS s FROM customer WHERE id = ?",
                optedIn.string("id")).get(0).string("s")).isEqualTo("2");
        assertThat(run.state().string("suppressed_after")).isPresent();
    }

    @Test
    void shouldWriteBackASuppressionMadeThroughKlaviyosOwnApi() throws Exception {
        SuiteQlRow optedIn = sandboxes.query("SELECT id, email FROM customer WHERE globalsubscriptionstatus = 1"
                + " AND email LIKE '%@%.%' AND email NOT LIKE '% %' ORDER BY id DESC").get(0);
        sandboxes.suppressThroughKlaviyosApi(optedIn.string("email").toLowerCase());

        TestRun run = new TestRun().run(sandboxes.flow("suppressions", Map.of()));

        assertThat(run.errors()).isEmpty();
        assertThat(klaviyo.suppressions()).singleElement()
                .satisfies(s -> assertThat(s.reason()).isEqualTo(SuppressionReason.USER_SUPPRESSED));
        assertThat(sandboxes.query("SELECT globalsubscriptionstatus AS s FROM customer WHERE id = ?",
                optedIn.string("id")).get(0).string("s"))
                .isEqualTo(String.valueOf(SubscriptionStatus.SOFT_OPT_OUT.id()));
    }

    @Test
    void shouldRefuseAnInvalidEmailGoOnAndResolveItOnRetryOnceFixed() throws Exception {
        FlowPieces customers = sandboxes.flow("customers", customers());
        TestRun run = new TestRun().run(customers);

        List<RecordError> invalid = run.errors().stream().filter(e -> e.code().equals("invalid_email")).toList();
        assertThat(invalid).isNotEmpty();
        assertThat(run.written()).isGreaterThan(invalid.size());
        RecordError first = invalid.get(0);
        assertThat(first.payload()).contains("\"external_id\":\"" + first.recordKey() + "\"");
        assertThat(externalIds()).doesNotContain(first.recordKey());

        sandboxes.netSuiteSandbox().account().executeAdmin("UPDATE customer SET email = 'fixed" + first.recordKey()
                + "@example.com', phone = NULL WHERE id = " + first.recordKey());
        List<RecordError> still = customers.destination().retry(TestRun.request(customers, false), List.of(first));

        assertThat(still).isEmpty();
        assertThat(externalIds()).contains(first.recordKey());
    }

    @Test
    void shouldRefuseADuplicateProfileNamingTheProfileThatHoldsItsEmail() throws Exception {
        FlowPieces customers = sandboxes.flow("customers", customers());
        new TestRun().run(customers);
        KlaviyoProfile synced = klaviyo.profiles().stream().filter(p -> p.externalId() != null).findFirst()
                .orElseThrow();
        String customerId = synced.externalId();
        // Someone signed up in Klaviyo with an address the customer then took in NetSuite: the import's email points
        // at that sign-up and its external id at the customer's own profile. Klaviyo writes to the profile the email
        // finds and reports the other, the customer's, as the duplicate to update instead.
        sandboxes.klaviyo().profiles().upsert(Profile.ofEmail("taken@example.com"));
        sandboxes.netSuiteSandbox().account().executeAdmin(
                "UPDATE customer SET email = 'taken@example.com', phone = NULL WHERE id = " + customerId);

        List<RecordError> still = customers.destination().retry(TestRun.request(customers, false),
                List.of(new RecordError(customerId, "stale", "an earlier refusal", "{}")));

        assertThat(still).singleElement().satisfies(error -> {
            assertThat(error.recordKey()).isEqualTo(customerId);
            assertThat(error.code()).isEqualTo("KLAVIYO_DUPLICATE_PROFILE");
            assertThat(error.reason()).contains(synced.id());
            assertThat(error.payload()).contains("taken@example.com");
        });
    }

    @Test
    void shouldSendOrderedProductsAndFollowUpsWithTheirOrdersUniqueId() throws Exception {
        new TestRun().run(sandboxes.flow("orders", Map.of()));
        new TestRun().run(sandboxes.flow("fulfillments", Map.of()));
        new TestRun().run(sandboxes.flow("refunds", Map.of()));

        List<KlaviyoEvent> events = klaviyo.events();
        assertThat(events).anyMatch(e -> e.metricName().equals("Ordered Product") && e.uniqueId().matches("\\d+:\\d+"));
        Set<String> placed = uniqueIds(events, "Placed Order");
        Set<String> fulfilled = uniqueIds(events, "Fulfilled Order");
        assertThat(fulfilled).isNotEmpty();
        assertThat(placed).containsAll(fulfilled);
    }

    @Test
    void shouldBuildPayloadsAndSendNothingOnADryRun() throws Exception {
        DryRunRecorder.Collecting recorder = DryRunRecorder.collecting();
        int before = klaviyo.received().size();

        new TestRun().run(sandboxes.flow("customers", customers(), recorder, Instant.now()), 1, true);
        new TestRun().run(sandboxes.flow("orders", Map.of("batch_size", 5), recorder, Instant.now()), 1, true);

        assertThat(klaviyo.received()).hasSize(before);
        assertThat(recorder.payloads()).extracting(p -> p.target()).contains("/api/profile-bulk-import-jobs",
                "/api/event-bulk-create-jobs");
        assertThat(recorder.payloads()).allSatisfy(p -> assertThat(p.body()).startsWith("{"));
    }

    @Test
    void shouldSendItemsAsCatalogItems() throws Exception {
        new TestRun().run(sandboxes.flow("items", Map.of("url_template", "https://shop.example.com/p/{sku}",
                "custom_metadata", Map.of("custitem_brand", "brand"))));

        long active = sandboxes.query("SELECT COUNT(*) AS n FROM item WHERE isinactive = 'F'"
                + " AND (matrixtype IS NULL OR matrixtype <> 'CHILD')").get(0).integer("n");
        assertThat(klaviyo.catalogItems()).hasSize((int) active)
                .allSatisfy(item -> assertThat(item.url()).startsWith("https://shop.example.com/p/SKU-"));
    }

    private List<String> placedOrderIds() {
        return klaviyo.events().stream().filter(e -> e.metricName().equals("Placed Order"))
                .map(KlaviyoEvent::uniqueId).toList();
    }

    private static Set<String> uniqueIds(List<KlaviyoEvent> events, String metric) {
        return events.stream().filter(e -> e.metricName().equals(metric)).map(KlaviyoEvent::uniqueId)
                .collect(Collectors.toSet());
    }

    private Set<String> externalIds() {
        return klaviyo.profiles().stream().map(KlaviyoProfile::externalId).filter(id -> id != null)
                .collect(Collectors.toSet());
    }

    /** Customers the runs sent: every one read except those refused before or by Klaviyo. */
    private Set<String> sentCustomerIds(TestRun run) {
        Set<String> refused = run.errors().stream().map(RecordError::recordKey).collect(Collectors.toSet());
        return sandboxes.query("SELECT id FROM customer WHERE isinactive = 'F' AND (email IS NOT NULL"
                + " OR phone IS NOT NULL)").stream().map(r -> r.string("id")).filter(id -> !refused.contains(id))
                .collect(Collectors.toSet());
    }
}
