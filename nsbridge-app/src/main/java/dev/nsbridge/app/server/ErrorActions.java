package dev.nsbridge.app.server;

import dev.nsbridge.engine.run.ErrorRetrier;
import dev.nsbridge.engine.run.Pipeline;
import dev.nsbridge.engine.store.ErrorStatus;
import dev.nsbridge.engine.store.RunLocks;
import dev.nsbridge.engine.store.StoredError;
import dev.nsbridge.engine.store.Stores;
import dev.nsbridge.flows.delivery.DryRunRecorder;
import dev.nsbridge.spi.data.RecordError;
import dev.nsbridge.spi.destination.RetryableDestination;
import dev.nsbridge.spi.errors.ConfigurationException;
import java.time.Clock;
import java.util.List;
import java.util.Optional;

/**
 * The error queue's buttons: retry one record, retry a pipeline's open records, resolve one by hand. A retry
 * holds the pipeline's run lock, so it never races a run; while one runs it is refused as busy.
 */
final class ErrorActions {
    /** How many open errors one "retry all" sends; more wait for the next press. */
    static final int RETRY_ALL_LIMIT = 1_000;

    private final Stores stores;
    private final PipelineCatalog catalog;
    private final ServerMetrics metrics;
    private final Clock clock;

    ErrorActions(Stores stores, PipelineCatalog catalog, ServerMetrics metrics, Clock clock) {
        this.stores = stores;
        this.catalog = catalog;
        this.metrics = metrics;
        this.clock = clock;
    }

    /** Sends one open record again; answers the entry as it stands afterwards. A warning's record was sent: kept. */
    Optional<StoredError> retry(long id) {
        Optional<StoredError> found = stores.errors().get(id);
        if (found.isEmpty() || found.get().status() == ErrorStatus.RESOLVED || found.get().error().isWarning()) {
            return found;
        }
        StoredError error = found.get();
        Pipeline pipeline = catalog.build(error.pipeline(), DryRunRecorder.DISCARD);
        if (!(pipeline.destination() instanceof RetryableDestination destination)) {
            throw unsupported(pipeline.name());
        }
        RunLocks.Lease lease = stores.locks().acquire(pipeline.name(), clock.instant());
        try {
            List<RecordError> refused = destination.retry(pipeline.write(), List.of(error.error()));
            boolean through = stores.errors().settleRetry(error, refused.stream().findFirst(), clock.instant());
            metrics.retried(pipeline.name(), through ? 1 : 0, through ? 0 : 1);
        } finally {
            lease.close();
            pipeline.source().close();
            pipeline.destination().close();
        }
        return stores.errors().get(id);
    }

    /** Retries the open errors of one pipeline, or of every pipeline that has some. */
    ErrorRetrier.RetryOutcome retryAll(Optional<String> only) {
        List<String> pipelines = only.map(List::of).orElseGet(() -> stores.errors()
                .list(Optional.empty(), Optional.of(ErrorStatus.OPEN), Optional.of(RecordError.Kind.ERROR),
                        RETRY_ALL_LIMIT).stream()
                .map(StoredError::pipeline).distinct().toList());
        int attempted = 0;
        int resolved = 0;
        int stillOpen = 0;
        for (String name : pipelines) {
            Pipeline pipeline = catalog.build(name, DryRunRecorder.DISCARD);
            try {
                ErrorRetrier.RetryOutcome outcome = new ErrorRetrier(stores, clock).retry(pipeline, RETRY_ALL_LIMIT);
                metrics.retried(name, outcome.resolved(), outcome.stillOpen());
                attempted += outcome.attempted();
                resolved += outcome.resolved();
                stillOpen += outcome.stillOpen();
            } finally {
                pipeline.source().close();
                pipeline.destination().close();
            }
        }
        return new ErrorRetrier.RetryOutcome(attempted, resolved, stillOpen);
    }

    /** Closes an entry a person dealt with outside nsbridge. */
    Optional<StoredError> resolve(long id) {
        Optional<StoredError> found = stores.errors().get(id);
        if (found.isPresent() && found.get().status() == ErrorStatus.OPEN) {
            stores.errors().resolve(id, clock.instant());
            return stores.errors().get(id);
        }
        return found;
    }

    private static ConfigurationException unsupported(String pipeline) {
        return new ConfigurationException("RETRY_UNSUPPORTED", "the destination of pipeline '" + pipeline
                + "' cannot send stored records again", "run the pipeline again, or resolve the error by hand");
    }
}
