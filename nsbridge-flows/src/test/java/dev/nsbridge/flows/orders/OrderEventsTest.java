package dev.nsbridge.flows.orders;

import static org.assertj.core.api.Assertions.assertThat;

import dev.nsbridge.klaviyo.events.Event;
import java.math.BigDecimal;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;

final class OrderEventsTest {
    private static final Instant LIVE = Instant.parse("2026-11-01T00:00:00Z");

    private static Order order(Instant placedAt) {
        Order.Line mug = new Order.Line("1", "501", Optional.of("MUG-01"), "Mug", new BigDecimal("2"),
                new BigDecimal("9.50"), new BigDecimal("19.00"), List.of("Kitchen"), Optional.of("Acme"),
                Optional.empty(), Optional.empty());
        Order.Line tee = new Order.Line("2", "502", Optional.empty(), "T-Shirt", BigDecimal.ONE,
                new BigDecimal("20.00"), new BigDecimal("20.00"), List.of("Apparel", "Kitchen"), Optional.empty(),
                Optional.empty(), Optional.empty());
        return new Order("7001", "SO7001", new Order.CustomerRef("42", Optional.of("ann@example.com"), Optional.empty()),
                placedAt, new BigDecimal("39.00"), "USD", Optional.of("WELCOME"), Optional.of(new BigDecimal("5")),
                List.of(mug, tee), Optional.of(new Order.Address("Ann", "Lee", "1 Main St", "Austin", "TX", "US",
                "78701", "")), Optional.empty());
    }

    @Test
    void shouldSendOnePlacedOrderAndOneOrderedProductPerLineWithStableUniqueIds() {
        List<Event> events = new OrderEvents(OrderEventSettings.standard(LIVE)).placed(order(LIVE.plusSeconds(60)));

        assertThat(events).extracting(Event::metricName)
                .containsExactly("Placed Order", "Ordered Product", "Ordered Product");
        assertThat(events).extracting(Event::uniqueId).containsExactly("7001", "7001:1", "7001:2");
        Event placed = events.get(0);
        assertThat(placed.value()).isEqualByComparingTo("39.00");
        assertThat(placed.properties()).containsEntry("OrderId", "SO7001")
                .containsEntry("ItemNames", List.of("Mug", "T-Shirt"))
                .containsEntry("Categories", List.of("Kitchen", "Apparel"))
                .containsEntry("Brands", List.of("Acme")).containsEntry("DiscountCode", "WELCOME");
        assertThat(placed.properties().get("BillingAddress").toString()).contains("RegionCode=TX")
                .doesNotContain("Phone");
        assertThat(events.get(1).properties()).containsEntry("ProductBrand", "Acme").containsEntry("SKU", "MUG-01");
        assertThat(events).noneMatch(Event::backfill);
    }

    @Test
    void shouldBuildTheSameEventsOnARerun() {
        OrderEvents events = new OrderEvents(OrderEventSettings.standard(LIVE));
        Order order = order(LIVE.plusSeconds(60));

        assertThat(events.placed(order)).isEqualTo(events.placed(order));
    }

    @Test
    void shouldMarkHistoryAsBackfillSoKlaviyoFlowsDoNotFire() {
        List<Event> events = new OrderEvents(OrderEventSettings.standard(LIVE)).placed(order(LIVE.minusSeconds(3600)));

        assertThat(events).allMatch(Event::backfill);
    }

    @Test
    void shouldReuseThePlacedOrderUniqueIdForCancellationsAndRefunds() {
        OrderEvents events = new OrderEvents(OrderEventSettings.standard(LIVE));
        Order order = order(LIVE.plusSeconds(60));
        Instant later = LIVE.plusSeconds(7200);

        assertThat(List.of(events.cancelled(order, later, "Out of stock"),
                events.refunded(order, later, new BigDecimal("19.00"), "Damaged")))
                .extracting(Event::uniqueId).containsOnly("7001");
        assertThat(events.refunded(order, later, new BigDecimal("19.00"), "Damaged").value()).isEqualByComparingTo("19");
        assertThat(events.cancelled(order, later, "Out of stock").properties()).containsEntry("Reason", "Out of stock");
    }

    @Test
    void shouldSendEachShipmentAsItsOwnFulfilledOrderWithItsLinesCarrierAndTrackingNumbers() {
        OrderEvents events = new OrderEvents(OrderEventSettings.standard(LIVE));
        Order order = order(LIVE.plusSeconds(60));
        Order.Line mug = order.lines().get(0);
        Order.Line tee = order.lines().get(1);
        Shipment first = new Shipment("7104", Optional.of("IF7104"), LIVE.plusSeconds(3600), Optional.of("UPS Ground"),
                List.of("1Z999AA10123456784"), List.of(mug), true);
        Shipment second = new Shipment("7109", Optional.of("IF7109"), LIVE.plusSeconds(90_000),
                Optional.of("FedEx 2Day"), List.of("449044304137821", "449044304137822"), List.of(tee), false);

        Event firstEvent = events.fulfilled(order, first);
        Event secondEvent = events.fulfilled(order, second);

        assertThat(firstEvent.metricName()).isEqualTo("Fulfilled Order");
        assertThat(firstEvent.uniqueId()).isEqualTo(OrderEvents.orderUniqueId(order));
        assertThat(secondEvent.uniqueId()).isEqualTo(second.id()).isNotEqualTo(firstEvent.uniqueId());
        assertThat(firstEvent.value()).isEqualByComparingTo(mug.amount());
        assertThat(secondEvent.value()).isEqualByComparingTo(tee.amount());
        assertThat(secondEvent.time()).isEqualTo(second.shippedAt());
        assertThat(secondEvent.properties()).containsEntry("OrderId", order.tranId())
                .containsEntry("FulfillmentId", "IF7109").containsEntry("Carrier", "FedEx 2Day")
                .containsEntry("TrackingNumbers", second.trackingNumbers())
                .containsEntry("ItemNames", List.of(tee.name()));
        assertThat((List<?>) secondEvent.properties().get("Items")).singleElement().asString()
                .contains("ProductID=" + tee.itemId(), "Quantity=" + tee.quantity(), "RowTotal=" + tee.amount());
        assertThat(events.fulfilled(order, second)).isEqualTo(secondEvent);
    }

    @Test
    void shouldSkipLineEventsWhenTurnedOff() {
        OrderEventSettings settings = new OrderEventSettings("Placed Order", "Ordered Product", "Fulfilled Order",
                "Cancelled Order", "Refunded Order", false, LIVE);

        assertThat(new OrderEvents(settings).placed(order(LIVE))).extracting(Event::metricName).containsExactly("Placed Order");
    }
}
