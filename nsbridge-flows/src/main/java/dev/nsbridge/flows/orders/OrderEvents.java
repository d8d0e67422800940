package dev.nsbridge.flows.orders;

import dev.nsbridge.klaviyo.events.Event;
import dev.nsbridge.klaviyo.profiles.Profile;
import java.math.BigDecimal;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;

/**
 * Builds Klaviyo's e-commerce events (as the Klaviyo client sends them) from NetSuite orders, in the shapes Klaviyo's guide for custom platforms
 * names. Cancellations and refunds reuse the Placed Order's unique id, as Klaviyo asks, so its lifetime value stays
 * right; each shipment is a Fulfilled Order of its own (see {@link #shipmentUniqueId}).
 */
public final class OrderEvents {
    private final OrderEventSettings settings;

    public OrderEvents(OrderEventSettings settings) {
        this.settings = settings;
    }

    /** The order's unique id in Klaviyo: the NetSuite internal id, stable across reruns. */
    public static String orderUniqueId(Order order) {
        return order.id();
    }

    /** The line's unique id: order id and line id, since NetSuite line ids repeat across transactions. */
    public static String lineUniqueId(Order order, Order.Line line) {
        return order.id() + ":" + line.lineId();
    }

    /** One Placed Order and, unless turned off, one Ordered Product per line. */
    public List<Event> placed(Order order) {
        List<Event> events = new ArrayList<>();
        events.add(orderEvent(settings.placedOrder(), order, order.placedAt(), order.total(), Map.of()));
        if (settings.sendLineEvents()) {
            for (Order.Line line : order.lines()) {
                events.add(new Event(settings.orderedProduct(), profile(order.customer()), lineProperties(order, line),
                        order.placedAt(), line.amount(), order.currency(), lineUniqueId(order, line),
                        isHistory(order.placedAt())));
            }
        }
        return events;
    }

    /**
     * A shipment's unique id: the fulfillment's internal id, so each shipment of an order is its own event. The
     * order's first fulfillment keeps the order's id, the one every fulfillment was sent under before shipments
     * had their own, when Klaviyo kept only the first of them. An account that already holds that event gets no
     * second copy of it when history is sent again after an upgrade; only the later shipments arrive. The first
     * fulfillment is the one with the lowest internal id (see {@link OrderQueries#shipments}), which does not change as
     * later shipments are made, so the id is stable across reruns.
     */
    public static String shipmentUniqueId(Order order, Shipment shipment) {
        return shipment.firstOfOrder() ? orderUniqueId(order) : shipment.id();
    }

    /** One Fulfilled Order per shipment: its own lines and value, carrier and tracking numbers. */
    public Event fulfilled(Order order, Shipment shipment) {
        Map<String, Object> properties = orderProperties(order, shipment.lines());
        shipment.number().ifPresent(number -> properties.put("FulfillmentId", number));
        shipment.carrier().ifPresent(carrier -> properties.put("Carrier", carrier));
        properties.put("TrackingNumbers", shipment.trackingNumbers());
        return new Event(settings.fulfilledOrder(), profile(order.customer()), properties, shipment.shippedAt(),
                shipment.value(), order.currency(), shipmentUniqueId(order, shipment), isHistory(shipment.shippedAt()));
    }

    public Event cancelled(Order order, Instant cancelledAt, String reason) {
        return orderEvent(settings.cancelledOrder(), order, cancelledAt, order.total(), Map.of("Reason", reason));
    }

    /** A cash refund or credit memo against the order; {@code amount} is what was refunded. */
    public Event refunded(Order order, Instant refundedAt, BigDecimal amount, String reason) {
        return orderEvent(settings.refundedOrder(), order, refundedAt, amount, Map.of("Reason", reason));
    }

    private Event orderEvent(String metric, Order order, Instant time, BigDecimal value, Map<String, Object> extra) {
        Map<String, Object> properties = orderProperties(order, order.lines());
        properties.putAll(extra);
        return new Event(metric, profile(order.customer()), properties, time, value, order.currency(),
                orderUniqueId(order), isHistory(time));
    }

    /** Who the event is about, as Klaviyo finds the person: by external id, email and phone. */
    private static Profile profile(Order.CustomerRef who) {
        return new Profile(null, who.email().orElse(null), who.phoneNumber().orElse(null), who.externalId(), null,
                null, null, null, null, null, Map.of());
    }

    private boolean isHistory(Instant time) {
        return time.isBefore(settings.liveSince());
    }

    private static Map<String, Object> orderProperties(Order order, List<Order.Line> lines) {
        Map<String, Object> properties = new LinkedHashMap<>();
        properties.put("OrderId", order.tranId() == null ? order.id() : order.tranId());
        LinkedHashSet<String> categories = new LinkedHashSet<>();
        LinkedHashSet<String> brands = new LinkedHashSet<>();
        List<String> itemNames = new ArrayList<>();
        List<Map<String, Object>> items = new ArrayList<>();
        for (Order.Line line : lines) {
            categories.addAll(line.categories());
            line.brand().ifPresent(brands::add);
            itemNames.add(line.name());
            Map<String, Object> item = new LinkedHashMap<>();
            item.put("ProductID", line.itemId());
            line.sku().ifPresent(sku -> item.put("SKU", sku));
            item.put("ProductName", line.name());
            item.put("Quantity", line.quantity());
            item.put("ItemPrice", line.rate());
            item.put("RowTotal", line.amount());
            line.productUrl().ifPresent(url -> item.put("ProductURL", url));
            line.imageUrl().ifPresent(url -> item.put("ImageURL", url));
            item.put("Categories", line.categories());
            line.brand().ifPresent(brand -> item.put("Brand", brand));
            items.add(item);
        }
        properties.put("Categories", List.copyOf(categories));
        properties.put("ItemNames", itemNames);
        properties.put("Brands", List.copyOf(brands));
        properties.put("Items", items);
        order.discountCode().ifPresent(code -> properties.put("DiscountCode", code));
        order.discount().ifPresent(amount -> properties.put("DiscountValue", amount));
        order.billing().ifPresent(address -> properties.put("BillingAddress", address(address)));
        order.shipping().ifPresent(address -> properties.put("ShippingAddress", address(address)));
        return properties;
    }

    private static Map<String, Object> lineProperties(Order order, Order.Line line) {
        Map<String, Object> properties = new LinkedHashMap<>();
        properties.put("OrderId", order.tranId() == null ? order.id() : order.tranId());
        properties.put("ProductID", line.itemId());
        line.sku().ifPresent(sku -> properties.put("SKU", sku));
        properties.put("ProductName", line.name());
        properties.put("Quantity", line.quantity());
        line.productUrl().ifPresent(url -> properties.put("ProductURL", url));
        line.imageUrl().ifPresent(url -> properties.put("ImageURL", url));
        properties.put("Categories", line.categories());
        line.brand().ifPresent(brand -> properties.put("ProductBrand", brand));
        return properties;
    }

    private static Map<String, Object> address(Order.Address address) {
        Map<String, Object> fields = new LinkedHashMap<>();
        putIfPresent(fields, "FirstName", address.firstName());
        putIfPresent(fields, "LastName", address.lastName());
        putIfPresent(fields, "Address1", address.address1());
        putIfPresent(fields, "City", address.city());
        putIfPresent(fields, "RegionCode", address.regionCode());
        putIfPresent(fields, "CountryCode", address.countryCode());
        putIfPresent(fields, "Zip", address.zip());
        putIfPresent(fields, "Phone", address.phone());
        return fields;
    }

    private static void putIfPresent(Map<String, Object> fields, String key, String value) {
        if (value != null && !value.isBlank()) {
            fields.put(key, value);
        }
    }
}
