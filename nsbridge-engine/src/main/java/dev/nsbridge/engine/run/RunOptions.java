package dev.nsbridge.engine.run;

import java.util.OptionalLong;

/**
 * How to run, for testing before go-live.
 *
 * @param dryRun read and show what would be sent, change nothing: the destination is told through
 *               {@link dev.nsbridge.spi.destination.WriteRequest#DRY_RUN_OPTION}, and neither state nor the error
 *               queue move
 * @param limit  stop after this many rows; such a run never advances the state, so the next full run still
 *               covers every row, and it is not completed, so no rebuilt table replaces the real one
 */
public record RunOptions(boolean dryRun, OptionalLong limit) {
    public static final RunOptions NORMAL = new RunOptions(false, OptionalLong.empty());

    public RunOptions {
        if (limit.isPresent() && limit.getAsLong() < 1) {
            throw new IllegalArgumentException("a limit must be at least 1, not " + limit.getAsLong());
        }
    }

    public static RunOptions limitedTo(long rows) {
        return new RunOptions(false, OptionalLong.of(rows));
    }

    public static RunOptions dryRunLimitedTo(long rows) {
        return new RunOptions(true, OptionalLong.of(rows));
    }
}
