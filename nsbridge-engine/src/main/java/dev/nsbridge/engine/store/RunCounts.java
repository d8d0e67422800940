package dev.nsbridge.engine.store;

/**
 * What a run, or one stream of it, moved.
 *
 * @param read     rows the source delivered
 * @param written  rows the destination accepted
 * @param deleted  rows deleted at the destination because the source deleted them
 * @param errors   records the destination refused
 * @param warnings records the destination accepted without part of their data (counted in {@code written} too)
 */
public record RunCounts(long read, long written, long deleted, long errors, long warnings) {
    public static final RunCounts ZERO = new RunCounts(0, 0, 0, 0, 0);

    public RunCounts(long read, long written, long deleted, long errors) {
        this(read, written, deleted, errors, 0);
    }

    public RunCounts plus(RunCounts other) {
        return new RunCounts(read + other.read, written + other.written, deleted + other.deleted,
                errors + other.errors, warnings + other.warnings);
    }
}
