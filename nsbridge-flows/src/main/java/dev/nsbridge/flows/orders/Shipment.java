package dev.nsbridge.flows.orders;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * One NetSuite item fulfillment of an order: what went out in it, when, with which carrier, and how to follow it.
 *
 * @param id              NetSuite internal id of the fulfillment, stable across reruns
 * @param number          the fulfillment number people see (e.g. IF10457)
 * @param shippedAt       when the fulfillment was made (UTC)
 * @param carrier         the fulfillment's ship method (carrier and service, e.g. UPS Ground), if set
 * @param trackingNumbers one per tracked package, in NetSuite's order
 * @param lines           the items and quantities of this shipment alone, valued at the order's prices
 * @param firstOfOrder    whether this is the order's first fulfillment (see {@link OrderEvents#shipmentUniqueId})
 */
public record Shipment(String id, Optional<String> number, Instant shippedAt, Optional<String> carrier,
                       List<String> trackingNumbers, List<Order.Line> lines, boolean firstOfOrder) {
    public Shipment {
        Objects.requireNonNull(id, "id");
        Objects.requireNonNull(shippedAt, "shippedAt");
        trackingNumbers = List.copyOf(trackingNumbers);
        lines = List.copyOf(lines);
    }

    /** What the shipped lines are worth. */
    public BigDecimal value() {
        return lines.stream().map(Order.Line::amount).reduce(BigDecimal.ZERO, BigDecimal::add);
    }
}
