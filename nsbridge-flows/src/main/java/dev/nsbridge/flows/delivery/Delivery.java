package dev.nsbridge.flows.delivery;

import dev.nsbridge.spi.destination.WriteResult;
import java.util.List;
import java.util.Map;

/**
 * What one flow does with a batch of its source's records: map them, send them (or on a dry run, record what would
 * be sent) and answer the ones refused, each with its payload. Rows are maps of lower-case column name to value.
 */
@FunctionalInterface
public interface Delivery {

    WriteResult deliver(List<Map<String, Object>> rows, WriteOptions options);

    /** The run read and delivered everything its source had: finish what a whole run owes (none by default). */
    default void complete(WriteOptions options) {
    }

    /** The run is over, complete or not: finish or drop what is still in flight (none by default). */
    default void close() {
    }
}
