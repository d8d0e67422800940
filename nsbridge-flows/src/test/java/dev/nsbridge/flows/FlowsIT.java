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
import java.math.BigDecimal;
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
            assertThat(sandboxes.offSpecKlaviyoRequests()).isEmpty();
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
    void shouldSoftOptOutTheCustomersAndContactsSuppressedThroughKlaviyosOwnApiAndChangeNothingOnARerun()
            throws Exception {
        String optedIn = "globalsubscriptionstatus = " + SubscriptionStatus.SOFT_OPT_IN.id()
                + " AND email LIKE '%@%.%' AND email NOT LIKE '% %'";
        SuiteQlRow customer = sandboxes.query("SELECT id, LOWER(email) AS email FROM customer WHERE " + optedIn
                + " ORDER BY id DESC").get(0);
        SuiteQlRow contact = sandboxes.query("SELECT id, LOWER(email) AS email FROM contact WHERE " + optedIn
                + " ORDER BY id DESC").get(0);
        sandboxes.suppressThroughKlaviyosApi(customer.string("email"), contact.string("email"));
        // Everyone NetSuite holds under those emails: the flow opts out every customer and contact that has one.
        String holders = "SELECT 'customer' AS kind, id, globalsubscriptionstatus AS status,"
                + " TO_CHAR(lastmodifieddate, 'YYYY-MM-DD HH24:MI:SS') AS at FROM customer WHERE LOWER(email) IN (?, ?)"
                + " UNION ALL SELECT 'contact' AS kind, id, globalsubscriptionstatus AS status,"
                + " TO_CHAR(lastmodifieddate, 'YYYY-MM-DD HH24:MI:SS') AS at FROM contact WHERE LOWER(email) IN (?, ?)"
                + " ORDER BY kind, id";
        String[] emails = {customer.string("email"), contact.string("email"), customer.string("email"),
            contact.string("email")};

        FlowPieces suppressions = sandboxes.flow("suppressions", Map.of());
        TestRun run = new TestRun().run(suppressions);
        List<Map<String, String>> afterFirstRun = rows(sandboxes.query(holders, emails));

        assertThat(run.errors()).isEmpty();
        assertThat(klaviyo.suppressions()).hasSize(2)
                .allSatisfy(s -> assertThat(s.reason()).isEqualTo(SuppressionReason.USER_SUPPRESSED));
        assertThat(afterFirstRun).extracting(row -> row.get("kind") + " " + row.get("id"))
                .contains("customer " + customer.string("id"), "contact " + contact.string("id"));
        assertThat(afterFirstRun).extracting(row -> row.get("status")).allSatisfy(status ->
                assertThat(SubscriptionStatus.fromId(status).orElseThrow().isOptOut()).isTrue());
        assertThat(afterFirstRun).filteredOn(row -> row.get("kind").equals("contact")
                        && row.get("id").equals(contact.string("id")))
                .extracting(row -> row.get("status")).containsExactly(
                        String.valueOf(SubscriptionStatus.SOFT_OPT_OUT.id()));
        long written = run.written();
        assertThat(written).isGreaterThanOrEqualTo(2);
        // A record write is the only request the NetSuite records API answers 204 (No Content).
        long recordWrites = recordWrites();

        run.run(suppressions);
        TestRun fromScratch = new TestRun().run(suppressions);

        assertThat(run.written()).isEqualTo(written);
        assertThat(fromScratch.written()).isZero();
        assertThat(fromScratch.errors()).isEmpty();
        assertThat(recordWrites()).isEqualTo(recordWrites);
        assertThat(rows(sandboxes.query(holders, emails))).isEqualTo(afterFirstRun);
    }

    private long recordWrites() {
        return sandboxes.netSuiteSandbox().stats().responsesByStatus().getOrDefault(204, 0L);
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
    void shouldSendOrderedProductsAndRefundsWithTheirOrdersUniqueId() throws Exception {
        new TestRun().run(sandboxes.flow("orders", Map.of()));
        new TestRun().run(sandboxes.flow("refunds", Map.of()));

        List<KlaviyoEvent> events = klaviyo.events();
        assertThat(events).anyMatch(e -> e.metricName().equals("Ordered Product") && e.uniqueId().matches("\\d+:\\d+"));
        Set<String> refunded = uniqueIds(events, "Refunded Order");
        assertThat(refunded).isNotEmpty();
        assertThat(uniqueIds(events, "Placed Order")).containsAll(refunded);
    }

    @Test
    void shouldSendOneFulfilledOrderPerShipmentWithItsOwnLinesCarrierAndTrackingNumbers() throws Exception {
        TestRun run = new TestRun().run(sandboxes.flow("fulfillments", Map.of("batch_size", 25)));

        List<SuiteQlRow> shipments = shipments();
        Map<String, KlaviyoEvent> sent = fulfilledOrders();
        assertThat(run.errors()).isEmpty();
        assertThat(sent.keySet()).containsExactlyInAnyOrderElementsOf(
                shipments.stream().map(r -> r.string("tranid")).toList());
        Map<String, List<String>> lines = sandboxes.query("SELECT fl.transaction AS f, i.itemid AS sku,"
                + " ABS(fl.quantity) AS quantity FROM transactionline fl JOIN item i ON i.id = fl.item"
                + " WHERE fl.mainline = 'F' AND fl.taxline = 'F' AND fl.transaction IN (SELECT id FROM transaction"
                + " WHERE type = 'ItemShip') ORDER BY fl.transaction, fl.id").stream()
                .collect(Collectors.groupingBy(r -> r.string("f"), Collectors.mapping(
                        r -> item(r.string("sku"), r.string("quantity")), Collectors.toList())));
        Map<String, List<String>> tracking = byShipment("SELECT m.transaction AS f, t.trackingnumber AS v"
                + " FROM trackingnumbermap m JOIN trackingnumber t ON t.id = m.trackingnumber ORDER BY m.transaction, t.id");
        // A shipped line is worth its order line's amount in proportion to the units shipped, to the cent.
        Map<String, List<String>> values = byShipment("SELECT k.nextdoc AS f, SUM(ROUND(ABS(ol.foreignamount)"
                + " * ABS(fl.quantity) / ABS(ol.quantity), 2)) AS v FROM previoustransactionlinelink k"
                + " JOIN transactionline fl ON fl.transaction = k.nextdoc AND fl.id = k.nextline"
                + " JOIN transactionline ol ON ol.transaction = k.previousdoc AND ol.id = k.previousline"
                + " WHERE k.linktype = 'ShipRcpt' GROUP BY k.nextdoc");
        assertThat(shipments).allSatisfy(shipment -> {
            KlaviyoEvent event = sent.get(shipment.string("tranid"));
            String id = shipment.string("id");
            assertThat(items(event)).as("lines of %s", shipment.string("tranid"))
                    .containsExactlyElementsOf(lines.get(id));
            assertThat(event.properties().get("TrackingNumbers")).isEqualTo(tracking.getOrDefault(id, List.of()));
            assertThat(event.properties().get("Carrier")).isEqualTo(shipment.string("carrier"));
            assertThat(event.properties().get("OrderId")).isEqualTo(shipment.string("order_number"));
            assertThat(event.value()).isEqualByComparingTo(values.get(id).get(0));
        });
        Map<String, List<SuiteQlRow>> byOrder = shipments.stream()
                .collect(Collectors.groupingBy(r -> r.string("order_id")));
        List<List<SuiteQlRow>> twoShipments = byOrder.values().stream().filter(list -> list.size() == 2).toList();
        assertThat(twoShipments).isNotEmpty().allSatisfy(pair -> {
            // The order's first shipment keeps the order's id, the one earlier versions sent; the next has its own.
            assertThat(sent.get(pair.get(0).string("tranid")).uniqueId()).isEqualTo(pair.get(0).string("order_id"));
            assertThat(sent.get(pair.get(1).string("tranid")).uniqueId()).isEqualTo(pair.get(1).string("id"));
        });
        // Some orders ship the units of one line in two parts (a backorder): each event holds its own units only.
        assertThat(twoShipments).anySatisfy(pair -> assertThat(skus(lines.get(pair.get(0).string("id"))))
                .isEqualTo(skus(lines.get(pair.get(1).string("id")))));
    }

    @Test
    void shouldSendNoFulfilledOrderTwiceOnARerunNorOnARunFromScratch() throws Exception {
        FlowPieces fulfillments = sandboxes.flow("fulfillments", Map.of("batch_size", 25));
        TestRun run = new TestRun().run(fulfillments);
        List<KlaviyoEvent> events = klaviyo.events();
        int requests = klaviyo.received().size();

        run.run(fulfillments);

        assertThat(events).isNotEmpty();
        assertThat(klaviyo.received().subList(requests, klaviyo.received().size()))
                .extracting(r -> r.method() + " " + r.path()).noneMatch(r -> r.startsWith("POST"));

        TestRun fromScratch = new TestRun().run(fulfillments);

        assertThat(fromScratch.errors()).isEmpty();
        assertThat(klaviyo.events()).isEqualTo(events);
    }

    @Test
    void shouldNotSendAgainAFirstShipmentAnEarlierVersionSentUnderItsOrdersId() throws Exception {
        // Earlier versions sent every fulfillment of an order as a Fulfilled Order under the order's id, so Klaviyo
        // holds the first one under it. Here that history is sent again, as after an upgrade with the state reset.
        SuiteQlRow first = shipments().stream().collect(Collectors.groupingBy(r -> r.string("order_id")))
                .values().stream().filter(list -> list.size() == 2).findFirst().orElseThrow().get(0);
        Profile customer = new Profile(null, null, null, first.string("customer_id"), null, null, null, null, null,
                null, Map.of());
        sandboxes.klaviyo().events().create(new dev.nsbridge.klaviyo.events.Event("Fulfilled Order", customer,
                Map.of("OrderId", first.string("order_number")), Instant.now().minusSeconds(3600), null, null,
                first.string("order_id"), true));

        new TestRun().run(sandboxes.flow("fulfillments", Map.of()));

        assertThat(klaviyo.events()).filteredOn(e -> e.metricName().equals("Fulfilled Order")
                && first.string("order_number").equals(e.properties().get("OrderId"))).hasSize(2);
        assertThat(fulfilledOrders()).hasSize(shipments().size() - 1);
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

    /** Rows as plain maps, so two reads of the same records compare by value. */
    private static List<Map<String, String>> rows(List<SuiteQlRow> rows) {
        return rows.stream().map(row -> Map.of("kind", row.string("kind"), "id", row.string("id"),
                "status", row.string("status"), "at", row.string("at"))).toList();
    }

    /** Every item fulfillment of a sales order, first shipments first within each order (ids grow with time). */
    private List<SuiteQlRow> shipments() {
        return sandboxes.query("SELECT d.id, d.tranid, BUILTIN.DF(d.shipmethod) AS carrier, so.id AS order_id,"
                + " so.tranid AS order_number, so.entity AS customer_id FROM transaction d JOIN transactionline dl"
                + " ON dl.transaction = d.id AND dl.mainline = 'T' JOIN transaction so ON so.id = dl.createdfrom"
                + " AND so.type = 'SalesOrd' JOIN customer c ON c.id = so.entity WHERE d.type = 'ItemShip' ORDER BY d.id");
    }

    /** The Fulfilled Order events Klaviyo holds, by the fulfillment number they carry. */
    private Map<String, KlaviyoEvent> fulfilledOrders() {
        return klaviyo.events().stream().filter(e -> e.metricName().equals("Fulfilled Order")
                        && e.properties().containsKey("FulfillmentId"))
                .collect(Collectors.toMap(e -> (String) e.properties().get("FulfillmentId"), Function.identity()));
    }

    /** A query's {@code v} column grouped by its {@code f} column, in the query's order. */
    private Map<String, List<String>> byShipment(String query) {
        return sandboxes.query(query).stream().collect(Collectors.groupingBy(r -> r.string("f"),
                Collectors.mapping(r -> r.string("v"), Collectors.toList())));
    }

    /** An event's items as "SKU x quantity". */
    private static List<String> items(KlaviyoEvent event) {
        return ((List<?>) event.properties().get("Items")).stream().map(item -> (Map<?, ?>) item)
                .map(item -> item(String.valueOf(item.get("SKU")), String.valueOf(item.get("Quantity")))).toList();
    }

    private static List<String> skus(List<String> items) {
        return items.stream().map(item -> item.substring(0, item.indexOf(" x "))).toList();
    }

    private static String item(String sku, String quantity) {
        return sku + " x " + new BigDecimal(quantity).stripTrailingZeros().toPlainString();
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
