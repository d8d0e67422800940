package dev.nsbridge.app.flow;

import dev.nsbridge.app.Workspace;
import dev.nsbridge.engine.config.FlowConfig;
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
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * The record-error queue as {@code nsbridge errors} and {@code nsbridge retry} see it: list, show, resolve by hand,
 * and send again through the flow's destination, which reads each record afresh from NetSuite, so a record fixed
 * there goes through and leaves the open list.
 */
public final class RecordErrors {
    /** The most entries one listing or one retry takes; the newest come first, so a second retry picks up the rest. */
    public static final int BATCH = 1_000;

    private final Workspace workspace;
    private final Stores stores;
    private final Clock clock;
    private final FlowGoLive goLive;

    public RecordErrors(Workspace workspace, Stores stores) {
        this.workspace = Objects.requireNonNull(workspace, "workspace");
        this.stores = Objects.requireNonNull(stores, "stores");
        this.clock = workspace.clock();
        this.goLive = new FlowGoLive(stores.state());
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

    public StoredError get(long id) {
        return stores.errors().get(id).orElseThrow(() -> new ConfigurationException("ERROR_NOT_FOUND",
                "no record error has id " + id, "list them with nsbridge errors --all"));
    }

    /** Closes one entry by hand, e.g. a customer who should never have been sent. */
    public StoredError resolve(long id) {
        get(id);
        stores.errors().resolve(id, clock.instant());
        return get(id);
    }

    /** Retries the open errors of one flow, or of every flow that has some. */
    public List<RetryReport> retry(Optional<String> pipeline) {
        List<FlowConfig> flows = new ArrayList<>();
        if (pipeline.isPresent()) {
            flows.add(retryableFlow(pipeline.get()));
        } else {
            flows.addAll(workspace.config().flows().values());
        }
        ErrorRetrier retrier = new ErrorRetrier(stores, clock);
        List<RetryReport> reports = new ArrayList<>();
        for (FlowConfig flow : flows) {
            if (stores.errors().count(flow.name(), ErrorStatus.OPEN) > 0) {
                ErrorRetrier.RetryOutcome outcome = retrier.retry(pipeline(flow), BATCH);
                reports.add(new RetryReport(flow.name(), outcome.attempted(), outcome.resolved(),
                        outcome.stillOpen()));
            }
        }
        return reports;
    }

    /** Retries one entry. The engine's retrier takes a pipeline's whole queue, so this does the same for one. */
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
        Pipeline pipeline = pipeline(retryableFlow(stored.pipeline()));
        RetryableDestination destination = (RetryableDestination) pipeline.destination();
        try (RunLocks.Lease lease = stores.locks().acquire(pipeline.name(), clock.instant())) {
            List<RecordError> refused = destination.retry(pipeline.write(), List.of(stored.error()));
            boolean through = stores.errors().settleRetry(stored, refused.stream().findFirst(), clock.instant());
            return new RetryReport(stored.pipeline(), 1, through ? 1 : 0, through ? 0 : 1);
        }
    }

    private Pipeline pipeline(FlowConfig flow) {
        return workspace.flowPipeline(flow, goLive.liveSince(flow.name(), clock.instant()), DryRunRecorder.DISCARD,
                stores.ledger(flow.name()));
    }

    private FlowConfig retryableFlow(String name) {
        if (workspace.config().extracts().containsKey(name)) {
            throw new ConfigurationException("RETRY_UNSUPPORTED", "'" + name + "' is an extract, whose warehouse"
                    + " cannot resend stored rows", "run the extract again, or resolve its errors with nsbridge"
                    + " errors resolve ID");
        }
        return workspace.flow(name);
    }

    private void requirePipeline(String name) {
        if (!workspace.config().extracts().containsKey(name) && !workspace.config().flows().containsKey(name)) {
            workspace.flow(name);
        }
    }
}
