package dev.nsbridge.app.pipeline;

import dev.nsbridge.engine.run.ErrorRetrier;
import dev.nsbridge.engine.store.ErrorStatus;
import dev.nsbridge.engine.store.StoredError;
import dev.nsbridge.engine.store.Stores;
import dev.nsbridge.flows.delivery.DryRunRecorder;
import dev.nsbridge.spi.data.RecordError;
import dev.nsbridge.spi.errors.ConfigurationException;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * The record-error queue: list, show, resolve by hand, and send again through the pipeline's destination, which
 * reads each record afresh from its source, so a record fixed there goes through and leaves the open list. The
 * commands ({@code nsbridge errors}, {@code nsbridge retry}) and the server's error API both call this one class,
 * so a retry has the same outcome, the same messages and the same bookkeeping wherever a person presses it.
 */
public final class RecordErrors {
    /** The most entries one listing or one retry takes; the newest come first, so a second retry picks up the rest. */
    public static final int BATCH = 1_000;
    /** The code of the answer for an id the queue does not hold. */
    public static final String NOT_FOUND = "ERROR_NOT_FOUND";

    private final PipelineCatalog catalog;
    private final Stores stores;
    private final Clock clock;

    public RecordErrors(PipelineCatalog catalog) {
        this.catalog = Objects.requireNonNull(catalog, "catalog");
        this.stores = catalog.stores();
        this.clock = catalog.clock();
    }

    /** Open entries (or all, resolved too), newest first, of one pipeline or of every one, of one kind or both. */
    public List<StoredError> list(Optional<String> pipeline, boolean all, Optional<RecordError.Kind> kind) {
        pipeline.ifPresent(this::requirePipeline);
        return stores.errors().list(pipeline, all ? Optional.empty() : Optional.of(ErrorStatus.OPEN), kind, BATCH);
    }

    /** Open entries of both kinds (or all, resolved too), newest first. */
    public List<StoredError> list(Optional<String> pipeline, boolean all) {
        return list(pipeline, all, Optional.empty());
    }

    /** One entry. @throws ConfigurationException {@code ERROR_NOT_FOUND} */
    public StoredError get(long id) {
        return stores.errors().get(id).orElseThrow(() -> new ConfigurationException(NOT_FOUND,
                "no record error has id " + id, "list them with nsbridge errors --all"));
    }

    /** Closes one open entry by hand, e.g. a customer who should never have been sent; a closed one stays as it is. */
    public StoredError resolve(long id) {
        if (get(id).status() == ErrorStatus.OPEN) {
            stores.errors().resolve(id, clock.instant());
        }
        return get(id);
    }

    /** Retries the open errors of one flow, or of every flow that has some; one report per flow retried. */
    public List<RetryReport> retry(Optional<String> pipeline) {
        List<String> flows = pipeline.map(name -> List.of(retryable(name)))
                .orElseGet(() -> List.copyOf(catalog.config().flows().keySet()));
        ErrorRetrier retrier = new ErrorRetrier(stores, clock);
        List<RetryReport> reports = new ArrayList<>();
        for (String flow : flows) {
            if (stores.errors().count(flow, ErrorStatus.OPEN) > 0) {
                try (PipelineSession session = catalog.open()) {
                    reports.add(report(flow, retrier.retry(session.flow(flow, DryRunRecorder.DISCARD), BATCH)));
                }
            }
        }
        return reports;
    }

    /**
     * Retries one entry. A warning's record was sent, without the field it names, so it is refused with what to do
     * instead; an entry already resolved is left as it is and reported as nothing retried.
     */
    public RetryReport retry(long id) {
        StoredError stored = get(id);
        if (stored.error().isWarning()) {
            throw new ConfigurationException("WARNING_NOT_RETRIED", "entry " + id + " is a warning: record "
                    + stored.error().recordKey() + " was sent, without the field it names, so there is nothing to"
                    + " send again", "correct the field in NetSuite (the warning clears when the record is next sent"
                    + " whole), or dismiss it with nsbridge errors resolve " + id);
        }
        if (stored.status() != ErrorStatus.OPEN) {
            return new RetryReport(stored.pipeline(), 0, 0, 0);
        }
        String flow = retryable(stored.pipeline());
        try (PipelineSession session = catalog.open()) {
            return report(flow, new ErrorRetrier(stores, clock).retry(session.flow(flow, DryRunRecorder.DISCARD),
                    stored));
        }
    }

    private static RetryReport report(String pipeline, ErrorRetrier.RetryOutcome outcome) {
        return new RetryReport(pipeline, outcome.attempted(), outcome.resolved(), outcome.stillOpen());
    }

    /** The flow to retry; an extract's warehouse has nothing to resend, which is said before any connection opens. */
    private String retryable(String name) {
        if (catalog.isExtract(name)) {
            throw new ConfigurationException("RETRY_UNSUPPORTED", "'" + name + "' is an extract, whose warehouse"
                    + " cannot resend stored rows", "run the extract again, or resolve its errors with nsbridge"
                    + " errors resolve ID");
        }
        return catalog.flow(name).name();
    }

    private void requirePipeline(String name) {
        if (!catalog.isExtract(name) && !catalog.isFlow(name)) {
            catalog.flow(name);
        }
    }
}
