package dev.nsbridge.engine.run;

import dev.nsbridge.engine.store.ErrorStatus;
import dev.nsbridge.engine.store.RunLocks;
import dev.nsbridge.engine.store.StoredError;
import dev.nsbridge.engine.store.Stores;
import dev.nsbridge.spi.data.RecordError;
import dev.nsbridge.spi.destination.RetryableDestination;
import dev.nsbridge.spi.errors.ConfigurationException;
import java.time.Clock;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;
import java.util.stream.Collectors;

/**
 * Sends a pipeline's open record errors (not warnings) again through its destination's {@link RetryableDestination#retry}:
 * what goes through is resolved, what is refused again stays open with the new reason. Holds the pipeline's
 * lock meanwhile, so a retry never races a run.
 */
public final class ErrorRetrier {
    private final Stores stores;
    private final Clock clock;

    public ErrorRetrier(Stores stores, Clock clock) {
        this.stores = stores;
        this.clock = clock;
    }

    /** What a retry did. */
    public record RetryOutcome(int attempted, int resolved, int stillOpen) {
    }

    /** Retries up to {@code limit} open errors of the pipeline, newest first. */
    public RetryOutcome retry(Pipeline pipeline, int limit) {
        RetryableDestination destination = retryable(pipeline);
        try (RunLocks.Lease lease = stores.locks().acquire(pipeline.name(), clock.instant())) {
            // Warnings are records already sent: there is nothing to send again.
            List<StoredError> open = stores.errors().list(Optional.of(pipeline.name()), Optional.of(ErrorStatus.OPEN),
                    Optional.of(RecordError.Kind.ERROR), limit);
            return send(pipeline, destination, open);
        }
    }

    /**
     * Retries one open error of the pipeline, with the same lock and the same bookkeeping as a whole queue. The
     * caller has checked that it is an open error, not a warning.
     */
    public RetryOutcome retry(Pipeline pipeline, StoredError entry) {
        RetryableDestination destination = retryable(pipeline);
        try (RunLocks.Lease lease = stores.locks().acquire(pipeline.name(), clock.instant())) {
            return send(pipeline, destination, List.of(entry));
        }
    }

    private static RetryableDestination retryable(Pipeline pipeline) {
        if (!(pipeline.destination() instanceof RetryableDestination destination)) {
            throw new ConfigurationException("RETRY_UNSUPPORTED", "the destination of pipeline '" + pipeline.name()
                    + "' cannot send stored records again", "run the pipeline again (with its state cleared for a"
                    + " full reload) or resolve the errors by hand");
        }
        return destination;
    }

    /** What goes through is resolved; what is refused again stays open with the new reason. */
    private RetryOutcome send(Pipeline pipeline, RetryableDestination destination, List<StoredError> open) {
        if (open.isEmpty()) {
            return new RetryOutcome(0, 0, 0);
        }
        List<RecordError> refused = destination.retry(pipeline.write(),
                open.stream().map(StoredError::error).toList());
        Map<String, RecordError> refusedByKey = refused.stream()
                .collect(Collectors.toMap(RecordError::recordKey, Function.identity(), (first, second) -> second));
        int resolved = 0;
        for (StoredError error : open) {
            if (stores.errors().settleRetry(error, Optional.ofNullable(refusedByKey.get(error.error().recordKey())),
                    clock.instant())) {
                resolved++;
            }
        }
        return new RetryOutcome(open.size(), resolved, open.size() - resolved);
    }
}
