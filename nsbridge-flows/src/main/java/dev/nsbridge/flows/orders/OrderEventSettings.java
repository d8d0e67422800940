package dev.nsbridge.flows.orders;

import java.time.Instant;
import java.util.Objects;

/**
 * The order flows' settings.
 *
 * @param placedOrder    metric name of the order event (Klaviyo's standard: {@code Placed Order})
 * @param orderedProduct metric name of the per-line event ({@code Ordered Product})
 * @param fulfilledOrder metric name of a fulfillment ({@code Fulfilled Order})
 * @param cancelledOrder metric name of a cancellation ({@code Cancelled Order})
 * @param refundedOrder  metric name of a refund or credit memo ({@code Refunded Order})
 * @param sendLineEvents whether to send one Ordered Product per line
 * @param liveSince      when the flow went live: anything that happened before is sent as backfill
 */
public record OrderEventSettings(String placedOrder, String orderedProduct, String fulfilledOrder,
                                 String cancelledOrder, String refundedOrder, boolean sendLineEvents,
                                 Instant liveSince) {
    public OrderEventSettings {
        Objects.requireNonNull(liveSince, "liveSince");
        for (String metric : new String[] {placedOrder, orderedProduct, fulfilledOrder, cancelledOrder, refundedOrder}) {
            if (metric == null || metric.isBlank() || metric.length() >= 128) {
                throw new IllegalArgumentException("a metric name must have 1 to 127 characters: '" + metric + "'");
            }
        }
    }

    public static OrderEventSettings standard(Instant liveSince) {
        return new OrderEventSettings("Placed Order", "Ordered Product", "Fulfilled Order", "Cancelled Order",
                "Refunded Order", true, liveSince);
    }
}
