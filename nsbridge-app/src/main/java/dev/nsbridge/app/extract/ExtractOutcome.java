package dev.nsbridge.app.extract;

import dev.nsbridge.app.ledger.TieOut;
import dev.nsbridge.engine.run.RunResult;
import dev.nsbridge.engine.store.RunStatus;
import dev.nsbridge.spi.destination.LoadMethod;
import dev.nsbridge.spi.state.State;
import java.util.Objects;
import java.util.Optional;
import java.util.stream.Collectors;

/**
 * One extract's run, as the command line reports it.
 *
 * @param extract    the extract's name
 * @param table      the source table (stream) read
 * @param target     the destination table written
 * @param loadMethod how it was written this time (a full refresh or a backfill may differ from the file)
 * @param result     what the runner answered; failed when the ledger's tie-out after it did not balance
 * @param tieOut     the tie-out of the ledger this extract's accounting lines belong to, when one was made
 */
public record ExtractOutcome(String extract, String table, String target, LoadMethod loadMethod, RunResult result,
                             Optional<TieOut> tieOut) {
    public ExtractOutcome {
        Objects.requireNonNull(extract, "extract");
        Objects.requireNonNull(table, "table");
        Objects.requireNonNull(target, "target");
        Objects.requireNonNull(loadMethod, "loadMethod");
        Objects.requireNonNull(result, "result");
        Objects.requireNonNull(tieOut, "tieOut");
    }

    public boolean succeeded() {
        return result.failure().isEmpty() && result.status().finished() && result.status() != RunStatus.CANCELLED
                && result.status() != RunStatus.FAILED && tieOut.map(TieOut::balanced).orElse(true);
    }

    /** This outcome with its tie-out; a run out of balance now reads as failed, as the history has it. */
    ExtractOutcome tiedOut(Optional<TieOut> made) {
        if (made.isEmpty()) {
            return this;
        }
        RunResult checked = made.get().balanced() ? result : new RunResult(result.runId(), result.pipeline(),
                RunStatus.FAILED, result.counts(), result.duration(), result.state(), result.failure());
        return new ExtractOutcome(extract, table, target, loadMethod, checked, made);
    }

    /** The committed position in one line, e.g. {@code watermark=2024-05-01T10:00:00Z}; "none" before any. */
    public static String describe(State state) {
        if (state.isEmpty()) {
            return "none";
        }
        return state.values().entrySet().stream().map(entry -> entry.getKey() + "=" + entry.getValue())
                .collect(Collectors.joining(", "));
    }
}
