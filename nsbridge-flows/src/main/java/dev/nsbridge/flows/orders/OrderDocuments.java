package dev.nsbridge.flows.orders;

import dev.nsbridge.flows.contact.EmailAddresses;
import dev.nsbridge.flows.contact.PhoneNumbers;
import dev.nsbridge.flows.contact.Checked;
import dev.nsbridge.spi.data.NestedRecords;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * An order flow's row (see {@link OrderQueries}), lines included, as an {@link Order}. The customer's email and
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
                Optional.empty(), Optional.empty(), lines(row, OrderQueries.LINES), address(row, "bill"),
                address(row, "ship"));
    }

    /** A fulfillment row (see {@link OrderQueries#fulfilled}) as the shipment it made. */
    public Shipment shipment(Map<String, Object> row, Instant shippedAt) {
        String id = text(row, "id").orElseThrow();
        List<String> trackingNumbers = new ArrayList<>();
        for (Map<String, Object> number : nested(row, OrderQueries.TRACKING_NUMBERS)) {
            text(number, "tracking_number").ifPresent(trackingNumbers::add);
        }
        String first = nested(row, OrderQueries.FIRST_FULFILLMENT).stream().findFirst()
                .flatMap(firstOfOrder -> text(firstOfOrder, "first_id")).orElse(id);
        return new Shipment(id, text(row, "fulfillment_number"), shippedAt, text(row, "carrier"), trackingNumbers,
                lines(row, OrderQueries.SHIPPED_LINES), id.equals(first));
    }

    /**
     * The item lines a row holds in {@code column}, as the source read them. A shipped line carries no price of its
     * own: it is valued at the order line it ships, in proportion to the quantity shipped (see
     * {@link OrderQueries#fulfilled}).
     */
    private List<Order.Line> lines(Map<String, Object> row, String column) {
        List<Order.Line> lines = new ArrayList<>();
        for (Map<String, Object> line : nested(row, column)) {
            String itemId = text(line, "item_id").orElseThrow();
            Optional<String> sku = text(line, "sku");
            BigDecimal quantity = decimal(line.get("quantity"));
            lines.add(new Order.Line(text(line, "line_id").orElseThrow(), itemId, sku,
                    text(line, "name").orElse(sku.orElse(itemId)), quantity, decimal(line.get("rate")),
                    line.containsKey("amount") ? decimal(line.get("amount")) : shippedValue(line, quantity),
                    text(line, "category").stream().toList(), text(line, "brand"),
                    urlTemplate.map(t -> t.replace("{id}", itemId).replace("{sku}", sku.orElse(itemId))),
                    Optional.empty()));
        }
        return lines;
    }

    private static BigDecimal shippedValue(Map<String, Object> line, BigDecimal shipped) {
        BigDecimal ordered = decimal(line.get("ordered"));
        if (ordered.signum() == 0 || !line.containsKey("ordered_amount")) {
            return BigDecimal.ZERO;
        }
        return decimal(line.get("ordered_amount")).multiply(shipped).divide(ordered, 2, RoundingMode.HALF_UP);
    }

    /** The records nested in {@code column}, each read by name; none when the row has none. */
    private static List<? extends Map<String, Object>> nested(Map<String, Object> row, String column) {
        return row.get(column) instanceof NestedRecords records ? records.maps() : List.of();
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
