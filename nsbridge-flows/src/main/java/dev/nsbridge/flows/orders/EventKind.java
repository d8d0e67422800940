package dev.nsbridge.flows.orders;

/** Which events an order flow's row becomes. */
public enum EventKind {
    /** A sales order: Placed Order and, unless turned off, one Ordered Product per line. */
    PLACED,
    /** An item fulfillment of an order. */
    FULFILLED,
    /** A sales order in status cancelled. */
    CANCELLED,
    /** A cash refund or credit memo of an order. */
    REFUNDED
}
