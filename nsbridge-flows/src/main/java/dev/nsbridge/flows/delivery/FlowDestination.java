package dev.nsbridge.flows.delivery;

import dev.nsbridge.spi.data.Batch;
import dev.nsbridge.spi.data.RecordError;
import dev.nsbridge.spi.destination.DestinationWriter;
import dev.nsbridge.spi.destination.RetryableDestination;
import dev.nsbridge.spi.destination.WriteRequest;
import dev.nsbridge.spi.destination.WriteResult;
import dev.nsbridge.spi.state.State;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

/**
 * Every flow's destination: batches go through the flow's {@link Delivery}; the engine's state store keeps the
 * watermark, which is safe because what a flow sends is idempotent (Klaviyo unique ids and upserts, NetSuite
 * PATCHes), so a batch redone after a crash changes nothing.
 *
 * <p>A retry reads each refused record again through {@link Rereader}: for a NetSuite source, as the record is now,
 * so a person who corrected an email in NetSuite retries the corrected one. A record that no longer exists (or no
 * longer matches the flow) has nothing left to send and leaves the error list.
 */
public final class FlowDestination implements RetryableDestination {
    private final Delivery delivery;
    private final Rereader rereader;

    public FlowDestination(Delivery delivery, Rereader rereader) {
        this.delivery = Objects.requireNonNull(delivery, "delivery");
        this.rereader = Objects.requireNonNull(rereader, "rereader");
    }

    /** How the records behind stored errors are read again for a retry. */
    @FunctionalInterface
    public interface Rereader {
        List<Map<String, Object>> reread(List<RecordError> errors);
    }

    @Override
    public DestinationWriter open(WriteRequest request) {
        WriteOptions options = WriteOptions.of(request);
        return new DestinationWriter() {
            @Override
            public Optional<State> committedState() {
                return Optional.empty();
            }

            @Override
            public WriteResult write(Batch batch) {
                return delivery.deliver(List.<Map<String, Object>>copyOf(batch.rowMaps()), options);
            }

            @Override
            public void complete(State finalState) {
                delivery.complete(options);
            }

            @Override
            public void close() {
                delivery.close();
            }
        };
    }

    @Override
    public List<RecordError> retry(WriteRequest request, List<RecordError> errors) {
        if (errors.isEmpty()) {
            return List.of();
        }
        try {
            WriteResult result = delivery.deliver(rereader.reread(errors), WriteOptions.of(request));
            // A record sent with a field left out is answered as a warning, so the queue keeps telling what to
            // correct.
            List<RecordError> answer = new java.util.ArrayList<>(result.errors());
            answer.addAll(result.warnings());
            return answer;
        } finally {
            delivery.close();
        }
    }
}
