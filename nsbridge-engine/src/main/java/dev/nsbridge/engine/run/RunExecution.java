package dev.nsbridge.engine.run;

import dev.nsbridge.engine.store.RunCounts;
import dev.nsbridge.engine.store.Stores;
import dev.nsbridge.spi.data.Batch;
import dev.nsbridge.spi.destination.DestinationWriter;
import dev.nsbridge.spi.destination.WriteRequest;
import dev.nsbridge.spi.destination.WriteResult;
import dev.nsbridge.spi.errors.RecordException;
import dev.nsbridge.spi.source.BatchReader;
import dev.nsbridge.spi.source.ReadRequest;
import dev.nsbridge.spi.state.State;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/** One run's loop and counters; lives for one run, on one thread. */
final class RunExecution {
    private final Pipeline pipeline;
    private final RunOptions options;
    private final long runId;
    private final Instant started;
    private final Stores stores;
    private final Clock clock;
    private final RunListener listener;

    private State state = State.EMPTY;
    private long read;
    private long written;
    private long deleted;
    private long refused;
    private long warned;

    RunExecution(Pipeline pipeline, RunOptions options, long runId, Instant started, Stores stores, Clock clock,
                 RunListener listener) {
        this.pipeline = pipeline;
        this.options = options;
        this.runId = runId;
        this.started = started;
        this.stores = stores;
        this.clock = clock;
        this.listener = listener;
    }

    void execute() throws InterruptedException {
        try (DestinationWriter writer = pipeline.destination().open(writeRequest())) {
            Optional<State> committed = writer.committedState();
            boolean destinationKeepsState = committed.isPresent();
            state = committed.orElseGet(() -> stores.state().load(pipeline.name()).orElse(State.EMPTY));
            // A dry or limited run is a rehearsal: it must leave the position where the real runs left it.
            boolean advances = !options.dryRun() && options.limit().isEmpty();
            State start = state;
            try (BatchReader reader = pipeline.source().read(readRequest(start))) {
                Optional<Batch> next;
                while (!limitReached() && (next = reader.next()).isPresent()) {
                    if (Thread.currentThread().isInterrupted()) {
                        throw new InterruptedException("run " + runId + " cancelled");
                    }
                    Batch batch = withinLimit(next.get(), advances ? next.get().stateAfter() : start);
                    write(writer, batch);
                    if (advances) {
                        state = batch.stateAfter();
                        if (!destinationKeepsState) {
                            stores.state().save(pipeline.name(), state);
                        }
                    }
                    listener.progressed(new RunProgress(pipeline.name(), runId, read, written,
                            reader.progress().rowsExpected(), Duration.between(started, clock.instant())));
                }
            }
            if (options.limit().isEmpty()) {
                writer.complete(state);
            }
        }
    }

    private void write(DestinationWriter writer, Batch batch) {
        read += batch.size();
        WriteResult result;
        try {
            result = writer.write(batch);
        } catch (RecordException refusal) {
            // The destination refused the batch as a whole: keep every row, then go on.
            result = new WriteResult(0, 0, BatchErrors.of(batch, keyColumns(), refusal));
        }
        written += result.written();
        deleted += result.deleted();
        refused += result.errors().size();
        warned += result.warnings().size();
        if (!options.dryRun()) {
            Instant now = clock.instant();
            stores.errors().record(pipeline.name(), runId, result.errors(), now);
            stores.errors().record(pipeline.name(), runId, result.warnings(), now);
            stores.errors().clearWarnings(pipeline.name(), result.sentCleanly(), now);
        }
    }

    private boolean limitReached() {
        return options.limit().isPresent() && read >= options.limit().getAsLong();
    }

    /** The batch cut to what the limit still allows, carrying {@code stateAfter}. */
    private Batch withinLimit(Batch batch, State stateAfter) {
        long allowed = options.limit().isPresent() ? options.limit().getAsLong() - read : Long.MAX_VALUE;
        boolean cut = batch.size() > allowed;
        if (!cut && stateAfter.equals(batch.stateAfter())) {
            return batch;
        }
        if (!cut) {
            return batch.withStateAfter(stateAfter);
        }
        // A cut batch is no longer whole: its deletes, scope and snapshot end would speak for rows not written.
        return new Batch(batch.schema(), batch.rows().subList(0, (int) allowed), List.of(), Optional.empty(),
                stateAfter);
    }

    private List<String> keyColumns() {
        WriteRequest write = pipeline.write();
        return write.uniqueKey().isEmpty() ? write.stream().primaryKey() : write.uniqueKey();
    }

    private WriteRequest writeRequest() {
        WriteRequest write = pipeline.write();
        if (!options.dryRun() && options.limit().isEmpty()) {
            return write;
        }
        Map<String, String> writeOptions = new HashMap<>(write.options());
        if (options.dryRun()) {
            writeOptions.put(WriteRequest.DRY_RUN_OPTION, "true");
        }
        options.limit().ifPresent(limit -> writeOptions.put(WriteRequest.LIMIT_OPTION, Long.toString(limit)));
        return new WriteRequest(write.pipeline(), write.stream(), write.target(), write.loadMethod(),
                write.uniqueKey(), writeOptions);
    }

    private ReadRequest readRequest(State from) {
        // withState keeps every other setting, the append-only ordered flag included.
        return pipeline.read().withState(from);
    }

    RunCounts counts() {
        return new RunCounts(read, written, deleted, refused, warned);
    }

    /** The state durable now: where the next run starts. */
    State state() {
        return state;
    }
}
