package dev.nsbridge.flows.orders;

import dev.nsbridge.flows.contact.EmailAddresses;
import dev.nsbridge.flows.contact.PhoneNumbers;
import dev.nsbridge.flows.contact.Checked;
import dev.nsbridge.flows.delivery.Json;
import java.math.BigDecimal;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * An order flow's row (see {@link OrderQueries}, {@link OrderLines}) as an {@link Order}. The customer's email and
 * phone go only when valid: an order is still worth recording against the profile's external id when the email on
 * file is broken, since the customers flow reports that fault.
 */
public final class OrderDocuments {
    private final Optional<String> urlTemplate;

    public OrderDocuments(Optional<String> urlTemplate) {
        this.urlTemplate = urlTemplate;
    }

    public Order order(Map<String, Object> row) {
        String region = text(row, "bill_country").orElse("US");
        Order.CustomerRef customer = new Order.CustomerRef(text(row, "customer_id").orElseThrow(),
                EmailAddresses.check(text(row, "email").orElse(null)).flatMap(Checked::value),
                PhoneNumbers.toE164(text(row, "phone").orElse(null), region).flatMap(Checked::value));
        return new Order(text(row, "order_id").orElseThrow(), text(row, "tranid").orElse(null), customer,
                (Instant) row.get("placed_at"), decimal(row.get("total")), text(row, "currency").orElse(null),
                Optional.empty(), Optional.empty(), lines(row, OrderLines.COLUMN), address(row, "bill"),
                address(row, "ship"));
    }

    /** A fulfillment row (see {@link OrderQueries#fulfilled}, {@link ShipmentDetails}) as the shipment it made. */
    public Shipment shipment(Map<String, Object> row, Instant shippedAt) {
        String id = text(row, "id").orElseThrow();
        List<String> trackingNumbers = new ArrayList<>();
        Json.tree(text(row, ShipmentDetails.TRACKING_NUMBERS).orElse("[]"))
                .forEach(number -> trackingNumbers.add(number.asText()));
        return new Shipment(id, text(row, "fulfillment_number"), shippedAt, text(row, "carrier"), trackingNumbers,
                lines(row, ShipmentDetails.LINES), id.equals(text(row, ShipmentDetails.FIRST_FULFILLMENT).orElse(id)));
    }

    /** The item lines a row holds as JSON in {@code column}. */
    private List<Order.Line> lines(Map<String, Object> row, String column) {
        List<Order.Line> lines = new ArrayList<>();
        for (Map<String, Object> line : Json.list(text(row, column).orElse("[]"))) {
            String itemId = String.valueOf(line.get("item_id"));
            Optional<String> sku = Optional.ofNullable((String) line.get("sku"));
            lines.add(new Order.Line(String.valueOf(line.get("line_id")), itemId, sku,
                    String.valueOf(line.getOrDefault("name", sku.orElse(itemId))), decimal(line.get("quantity")),
                    decimal(line.get("rate")), decimal(line.get("amount")),
                    Optional.ofNullable((String) line.get("category")).stream().toList(),
                    Optional.ofNullable((String) line.get("brand")),
                    urlTemplate.map(t -> t.replace("{id}", itemId).replace("{sku}", sku.orElse(itemId))),
                    Optional.empty()));
        }
        return lines;
    }

    private static Optional<Order.Address> address(Map<String, Object> row, String kind) {
        if (text(row, kind + "_address1").isEmpty() && text(row, kind + "_city").isEmpty()) {
            return Optional.empty();
        }
        return Optional.of(new Order.Address(text(row, "firstname").orElse(null), text(row, "lastname").orElse(null),
                text(row, kind + "_address1").orElse(null), text(row, kind + "_city").orElse(null),
                text(row, kind + "_state").orElse(null), text(row, kind + "_country").orElse(null),
                text(row, kind + "_zip").orElse(null), text(row, kind + "_phone").orElse(null)));
    }

    static Optional<String> text(Map<String, Object> row, String name) {
        Object value = row.get(name);
        return value == null || value.toString().isBlank() ? Optional.empty() : Optional.of(value.toString().strip());
    }

    static BigDecimal decimal(Object value) {
        if (value == null) {
            return BigDecimal.ZERO;
        }
        return value instanceof BigDecimal decimal ? decimal : new BigDecimal(value.toString());
    }
}
