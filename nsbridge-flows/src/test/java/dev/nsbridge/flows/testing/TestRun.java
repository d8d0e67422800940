package dev.nsbridge.flows.testing;

import dev.nsbridge.flows.FlowPieces;
import dev.nsbridge.spi.data.Batch;
import dev.nsbridge.spi.data.RecordError;
import dev.nsbridge.spi.destination.DestinationWriter;
import dev.nsbridge.spi.destination.WriteRequest;
import dev.nsbridge.spi.destination.WriteResult;
import dev.nsbridge.spi.source.BatchReader;
import dev.nsbridge.spi.source.ReadRequest;
import dev.nsbridge.spi.state.State;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The engine's run loop cut to what the flows' tests need, since flows may not depend on the engine: read from the
 * committed state, write each batch, commit its state afterwards, complete the destination once the source is read to
 * its end, collect refused records.
 */
public final class TestRun {
    private State state = State.EMPTY;
    private final List<RecordError> errors = new ArrayList<>();
    private final List<RecordError> warnings = new ArrayList<>();
    private long written;

    /** Runs to the end, or stops after {@code maxBatches} batches with their state committed. */
    public TestRun run(FlowPieces pieces, int maxBatches, boolean dryRun) throws InterruptedException {
        return run(pieces, maxBatches, dryRun, true);
    }

    /**
     * A run killed midway: {@code batches} batches reach the destination, but the process dies after the last one
     * was written and before its state was committed, the one gap a crash can hit. The next run sends that batch
     * again, which is what the destination's idempotence has to absorb.
     */
    public TestRun runKilledAfter(FlowPieces pieces, int batches) throws InterruptedException {
        return run(pieces, batches, false, false);
    }

    private TestRun run(FlowPieces pieces, int maxBatches, boolean dryRun, boolean commitLast)
            throws InterruptedException {
        ReadRequest template = pieces.read();
        ReadRequest read = new ReadRequest(template.stream(), template.columns(), template.mode(), state,
                template.filter(), template.lookback(), template.window());
        WriteRequest write = request(pieces, dryRun);
        int batches = 0;
        try (DestinationWriter writer = pieces.destination().open(write);
             BatchReader reader = pieces.source().read(read)) {
            Optional<Batch> next = Optional.empty();
            while (batches < maxBatches && (next = reader.next()).isPresent()) {
                WriteResult result = writer.write(next.get());
                written += result.written();
                errors.addAll(result.errors());
                warnings.addAll(result.warnings());
                batches++;
                if (!dryRun && (commitLast || batches < maxBatches)) {
                    state = next.get().stateAfter();
                }
            }
            // As the engine does: a run that read its source to the end tells the destination so.
            if (next.isEmpty()) {
                writer.complete(state);
            }
        }
        return this;
    }

    public TestRun run(FlowPieces pieces) throws InterruptedException {
        return run(pieces, Integer.MAX_VALUE, false);
    }

    public static WriteRequest request(FlowPieces pieces, boolean dryRun) {
        WriteRequest write = pieces.write();
        Map<String, String> options = new HashMap<>(write.options());
        if (dryRun) {
            options.put(WriteRequest.DRY_RUN_OPTION, "true");
        }
        return new WriteRequest(write.pipeline(), write.stream(), write.target(), write.loadMethod(),
                write.uniqueKey(), options);
    }

    /** The records sent with a field left out, as the destination reported them. */
    public List<RecordError> warnings() {
        return warnings;
    }

    public State state() {
        return state;
    }

    public List<RecordError> errors() {
        return List.copyOf(errors);
    }

    public long written() {
        return written;
    }
}
