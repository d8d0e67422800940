package dev.nsbridge.spi.destination;

/** A system nsbridge writes to: a warehouse, Klaviyo, NetSuite's records. */
public interface Destination extends AutoCloseable {

    /** Prepares the target (creates or evolves a table) and starts a run's writes. */
    DestinationWriter open(WriteRequest request);

    @Override
    default void close() {
    }
}
