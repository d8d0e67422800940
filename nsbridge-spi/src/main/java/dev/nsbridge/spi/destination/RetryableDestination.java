package dev.nsbridge.spi.destination;

import dev.nsbridge.spi.data.RecordError;
import java.util.List;

/**
 * A destination that can send stored records again from their payloads (the JSON it put in each
 * {@link RecordError}), so a person can fix the data at the source or the cause at the destination and retry
 * the error queue without running the whole pipeline.
 */
public interface RetryableDestination extends Destination {

    /**
     * Sends each error's payload again, as {@code request}'s pipeline would have.
     *
     * @return the records still refused, with their new reason, and a warning for each record that went with a part
     *         of its data left out; every record not returned went through whole
     */
    List<RecordError> retry(WriteRequest request, List<RecordError> errors);
}
