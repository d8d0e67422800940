package dev.nsbridge.spi.source;

import dev.nsbridge.spi.state.State;
import dev.nsbridge.spi.stream.StreamDescriptor;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.OptionalLong;

/**
 * What to read.
 *
 * @param stream   the stream, as the source discovered it
 * @param columns  the columns to deliver (the primary key and cursor are always included)
 * @param mode     full or incremental; a stream without a cursor is always read in full
 * @param state    the committed position to continue from ({@link State#EMPTY} at first)
 * @param filter   an extra condition in the source's own language (for NetSuite a SuiteQL condition)
 * @param lookback how far before the watermark an incremental read starts again, for late commits
 * @param window   where present, read only records whose cursor lies in it (a backfill), leaving the watermark
 * @param ordered  an incremental read for a destination that only appends: records strictly past the saved
 *                 position, in cursor order, each batch's state at its last record, and no lookback (a record
 *                 read again would be appended twice). The engine sets it for the {@code append} load method.
 * @param ids      where present, only records whose leading key lies in it, deletions included: one of several
 *                 readers that split a table between them (the tasks of a Kafka Connect connector), each with a
 *                 state of its own
 */
public record ReadRequest(StreamDescriptor stream, List<String> columns, ReadMode mode, State state,
                          Optional<String> filter, Duration lookback, Optional<Window> window, boolean ordered,
                          Optional<IdRange> ids) {
    public ReadRequest {
        Objects.requireNonNull(stream, "stream");
        columns = List.copyOf(columns);
        Objects.requireNonNull(mode, "mode");
        Objects.requireNonNull(state, "state");
        Objects.requireNonNull(filter, "filter");
        Objects.requireNonNull(lookback, "lookback");
        Objects.requireNonNull(window, "window");
        Objects.requireNonNull(ids, "ids");
    }

    /** A read of every id. */
    public ReadRequest(StreamDescriptor stream, List<String> columns, ReadMode mode, State state,
                       Optional<String> filter, Duration lookback, Optional<Window> window, boolean ordered) {
        this(stream, columns, mode, state, filter, lookback, window, ordered, Optional.empty());
    }

    /** An unordered read: what merge, truncate and drop loads take. */
    public ReadRequest(StreamDescriptor stream, List<String> columns, ReadMode mode, State state,
                       Optional<String> filter, Duration lookback, Optional<Window> window) {
        this(stream, columns, mode, state, filter, lookback, window, false);
    }

    /** The same read from another committed position (every other setting kept, {@link #ordered} included). */
    public ReadRequest withState(State from) {
        return new ReadRequest(stream, columns, mode, from, filter, lookback, window, ordered, ids);
    }

    public ReadRequest withOrdered(boolean value) {
        return new ReadRequest(stream, columns, mode, state, filter, lookback, window, value, ids);
    }

    /** The same read of the records whose leading key lies in {@code range} only. */
    public ReadRequest withIds(IdRange range) {
        return new ReadRequest(stream, columns, mode, state, filter, lookback, window, ordered,
                Optional.of(range));
    }

    /**
     * A half-open range {@code [from, to)} of a stream's leading (numeric) key; either end may be open.
     *
     * @param from the first id in the range, if it has a lower bound
     * @param to   the first id past the range, if it has an upper bound
     */
    public record IdRange(OptionalLong from, OptionalLong to) {
        public IdRange {
            Objects.requireNonNull(from, "from");
            Objects.requireNonNull(to, "to");
            if (from.isPresent() && to.isPresent() && from.getAsLong() >= to.getAsLong()) {
                throw new IllegalArgumentException("an id range's start " + from.getAsLong()
                        + " must come before its end " + to.getAsLong());
            }
        }

        public boolean contains(long id) {
            return (from.isEmpty() || id >= from.getAsLong()) && (to.isEmpty() || id < to.getAsLong());
        }

        /** E.g. {@code 1000-2000}, {@code -1000} or {@code 2000-}: stable text for a name or a key. */
        public String text() {
            return (from.isPresent() ? Long.toString(from.getAsLong()) : "") + "-"
                    + (to.isPresent() ? Long.toString(to.getAsLong()) : "");
        }
    }

    /** A half-open time range {@code [from, to)} on the stream's cursor. */
    public record Window(Instant from, Instant to) {
        public Window {
            if (!from.isBefore(to)) {
                throw new IllegalArgumentException("a window's start " + from + " must come before its end " + to);
            }
        }
    }
}
