package dev.nsbridge.app.flow;

import dev.nsbridge.engine.run.RunResult;
import dev.nsbridge.engine.store.RunStatus;
import dev.nsbridge.flows.delivery.DryRunPayload;
import java.util.List;
import java.util.Objects;

/**
 * One run of a flow as the command line reports it.
 *
 * @param result   the engine's result: status, counts, duration
 * @param dryRun   whether nothing was sent
 * @param payloads what a dry run would have sent, in the order built; empty for a real run
 */
public record FlowRun(RunResult result, boolean dryRun, List<DryRunPayload> payloads) {
    public FlowRun {
        Objects.requireNonNull(result, "result");
        payloads = List.copyOf(payloads);
    }

    /** Finished, with or without refused records; refused records are the error queue's business, not a failure. */
    public boolean succeeded() {
        return result.failure().isEmpty() && result.status().finished() && result.status() != RunStatus.CANCELLED;
    }
}
