package dev.nsbridge.flows;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.nsbridge.flows.delivery.DryRunPayload;
import dev.nsbridge.flows.delivery.DryRunRecorder;
import dev.nsbridge.flows.delivery.WriteOptions;
import dev.nsbridge.flows.orders.EventDelivery;
import dev.nsbridge.flows.orders.EventKind;
import dev.nsbridge.flows.orders.OrderFlowSettings;
import dev.nsbridge.flows.orders.OrderQueries;
import dev.nsbridge.klaviyo.KlaviyoClient;
import dev.nsbridge.klaviyo.KlaviyoSettings;
import dev.nsbridge.klaviyo.http.Timing;
import dev.nsbridge.spi.config.ConfigDef;
import dev.nsbridge.spi.config.ConfigProblem;
import dev.nsbridge.spi.data.NestedRecords;
import dev.nsbridge.spi.errors.ConfigurationException;
import dev.nsbridge.spi.data.RecordSchema;
import dev.nsbridge.spi.secret.Secret;
import dev.nsbridge.spi.stream.Column;
import dev.nsbridge.spi.stream.ColumnType;
import java.math.BigDecimal;
import java.net.URI;
import java.net.http.HttpClient;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalLong;
import org.junit.jupiter.api.Test;

final class FlowsTest {
    private static final Instant LIVE = Instant.parse("2025-06-01T00:00:00Z");
    // Never reached: a dry run sends nothing.
    private static final KlaviyoClient NOWHERE = new KlaviyoClient(HttpClient.newHttpClient(),
            KlaviyoSettings.of(Secret.of("pk_unit")).withBaseUri(URI.create("http://127.0.0.1:9")), Timing.system());

    @Test
    void shouldRegisterTheSevenFlowTypesByTheirWireNames() {
        assertThat(Flows.types()).extracting(FlowType::wireName).containsExactly("customers", "orders",
                "fulfillments", "cancellations", "refunds", "items", "suppressions");
        assertThat(Flows.types()).allSatisfy(type -> assertThat(type.settings().keys()).allSatisfy(key ->
                assertThat(key.documentation()).isNotBlank()));
    }

    @Test
    void shouldRequireAListForCustomersAndAUrlTemplateForItems() {
        assertThat(FlowType.CUSTOMERS.settings().parse(Map.of()).problems()).extracting(ConfigProblem::key)
                .containsExactly("list_id");
        assertThat(FlowType.ITEMS.settings().parse(Map.of()).problems()).extracting(ConfigProblem::key)
                .containsExactly("url_template");
        assertThat(FlowType.ORDERS.settings().parse(Map.of()).isValid()).isTrue();
    }

    @Test
    void shouldRefuseAnUnknownMetricAndLineEventsOnFollowUps() {
        ConfigDef orders = FlowType.ORDERS.settings();
        assertThat(orders.parse(Map.of("metric_names", Map.of("placed", "X"))).problems())
                .extracting(ConfigProblem::key).containsExactly("metric_names");
        assertThat(FlowType.FULFILLMENTS.settings().parse(Map.of("line_events", false)).problems())
                .extracting(ConfigProblem::kind).containsExactly(ConfigProblem.Kind.UNKNOWN);
    }

    @Test
    void shouldDefaultTheCustomerSettings() {
        var values = FlowType.CUSTOMERS.settings().parse(Map.of("list_id", "L1")).orThrow();

        assertThat(values.get(dev.nsbridge.flows.customers.CustomerFlowSettings.PROFILE_ID_FIELD))
                .isEqualTo("custentity_klaviyo_profile_id");
        assertThat(values.get(dev.nsbridge.flows.customers.CustomerFlowSettings.SUBSCRIBE_SMS)).isFalse();
        assertThat(values.get(FlowKeys.BATCH_SIZE)).isEqualTo(500);
    }

    @Test
    void shouldPutTheUsersFilterAndSubsidiariesInsideTheFlowsQueryWhereTheyCanNameItsTables() {
        String text = OrderQueries.placed().within("so.subsidiary", List.of("1", "3"))
                .filtered(Optional.of("c.category = 2")).text();

        assertThat(text).startsWith("SELECT so.id AS id, so.id AS order_id")
                .contains("TO_CHAR(so.createddate, 'YYYY-MM-DD HH24:MI:SS') AS cursor_date")
                .endsWith("WHERE (so.type = 'SalesOrd') AND (so.subsidiary IN (1, 3)) AND (c.category = 2)");
    }

    @Test
    void shouldRefuseAFilterThatIsMoreThanOneConditionAndASubsidiaryThatIsNotAnId() {
        assertThatThrownBy(() -> OrderQueries.placed().filtered(Optional.of("1 = 1) OR (1 = 1")))
                .isInstanceOf(ConfigurationException.class).hasMessageContaining("filter");
        assertThatThrownBy(() -> OrderQueries.placed().within("so.subsidiary", List.of("1) OR (1 = 1")))
                .isInstanceOf(ConfigurationException.class);
    }

    private static Map<String, Object> order(Instant placed) {
        Map<String, Object> row = new LinkedHashMap<>();
        row.put("id", "5001");
        row.put("order_id", "5001");
        row.put("tranid", "SO5001");
        row.put("placed_at", placed);
        row.put("event_at", placed);
        row.put("total", new BigDecimal("59.90"));
        row.put("currency", "USD");
        row.put("customer_id", "42");
        row.put("email", "Zoe@Example.com");
        row.put("bill_address1", "1 Main St");
        row.put("bill_city", "Austin");
        row.put("bill_country", "US");
        RecordSchema line = new RecordSchema(List.of(new Column("line_id", ColumnType.STRING),
                new Column("item_id", ColumnType.STRING), new Column("sku", ColumnType.STRING),
                new Column("name", ColumnType.STRING), new Column("quantity", ColumnType.DECIMAL),
                new Column("rate", ColumnType.DECIMAL), new Column("amount", ColumnType.DECIMAL)));
        row.put(OrderQueries.LINES, new NestedRecords(line, List.of(
                new Object[] {"1", "7", "SKU-7", "Mug", new BigDecimal("2"), new BigDecimal("19.95"),
                        new BigDecimal("39.90")},
                new Object[] {"2", "8", "SKU-8", "Tea", BigDecimal.ONE, new BigDecimal("20"), new BigDecimal("20")})));
        return row;
    }

    private static EventDelivery events(EventKind kind, Map<String, Object> settings, DryRunRecorder recorder) {
        var config = (kind == EventKind.PLACED ? FlowType.ORDERS : FlowType.REFUNDS).settings().parse(settings)
                .orThrow();
        return new EventDelivery(NOWHERE, kind, OrderFlowSettings.from(config, LIVE), recorder);
    }

    @Test
    void shouldBuildAPlacedOrderAndOneOrderedProductPerLineMarkingHistoryAsBackfill() {
        var events = events(EventKind.PLACED, Map.of("url_template", "https://shop.example.com/p/{sku}"),
                DryRunRecorder.DISCARD).events(order(Instant.parse("2024-02-01T10:00:00Z")));

        assertThat(events).extracting(e -> e.metricName()).containsExactly("Placed Order", "Ordered Product",
                "Ordered Product");
        assertThat(events).extracting(e -> e.uniqueId()).containsExactly("5001", "5001:1", "5001:2");
        assertThat(events).allMatch(e -> e.backfill());
        assertThat(events.get(0).value()).isEqualByComparingTo("59.90");
        assertThat(events.get(0).properties()).containsEntry("ItemNames", List.of("Mug", "Tea"))
                .containsKey("BillingAddress").containsKey("Items");
        assertThat(events.get(1).properties()).containsEntry("ProductURL", "https://shop.example.com/p/SKU-7");
    }

    @Test
    void shouldSkipLineEventsWhenTurnedOffAndNotBackfillWhatHappensAfterGoLive() {
        var events = events(EventKind.PLACED, Map.of("line_events", false, "metric_names",
                Map.of("placed_order", "Placed Order NS")), DryRunRecorder.DISCARD)
                .events(order(Instant.parse("2025-07-01T10:00:00Z")));

        assertThat(events).singleElement().satisfies(event -> {
            assertThat(event.metricName()).isEqualTo("Placed Order NS");
            assertThat(event.backfill()).isFalse();
        });
    }

    @Test
    void shouldReuseTheOrdersUniqueIdForARefundWithTheRefundedAmount() {
        Map<String, Object> refund = order(Instant.parse("2024-02-01T10:00:00Z"));
        refund.put("id", "9001");
        refund.put("amount", new BigDecimal("20.00"));
        refund.put("reason", "Damaged");

        var events = events(EventKind.REFUNDED, Map.of(), DryRunRecorder.DISCARD).events(refund);

        assertThat(events).singleElement().satisfies(event -> {
            assertThat(event.metricName()).isEqualTo("Refunded Order");
            assertThat(event.uniqueId()).isEqualTo("5001");
            assertThat(event.value()).isEqualByComparingTo("20.00");
            assertThat(event.properties()).containsEntry("Reason", "Damaged");
        });
    }

    @Test
    void shouldRecordTheExactBulkItemsOnADryRunAndSendNothing() {
        DryRunRecorder.Collecting recorder = DryRunRecorder.collecting();

        var result = events(EventKind.PLACED, Map.of(), recorder).deliver(List.of(order(
                Instant.parse("2024-02-01T10:00:00Z"))), new WriteOptions("orders", true, OptionalLong.empty()));

        assertThat(result.written()).isEqualTo(1);
        assertThat(recorder.payloads()).hasSize(3).allSatisfy(payload -> {
            assertThat(payload.method()).isEqualTo("POST");
            assertThat(payload.target()).isEqualTo("/api/event-bulk-create-jobs");
            assertThat(payload.recordKey()).isEqualTo("5001");
        });
        DryRunPayload placed = recorder.payloads().get(0);
        assertThat(placed.body()).contains("\"type\":\"event-bulk-create\"", "\"unique_id\":\"5001\"",
                "\"backfill\":true", "\"external_id\":\"42\"", "\"email\":\"zoe@example.com\"",
                "\"name\":\"Placed Order\"").doesNotContain("pk_unit");
    }
}
