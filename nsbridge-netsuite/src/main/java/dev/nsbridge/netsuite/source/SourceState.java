package dev.nsbridge.netsuite.source;

import dev.nsbridge.spi.errors.ConfigurationException;
import dev.nsbridge.spi.state.State;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.OptionalLong;

/**
 * The keys of a NetSuite stream's saved position. All instants are UTC ISO 8601 strings and always values NetSuite
 * itself reported (a cursor column), never this machine's clock: the two clocks differ.
 * <ul>
 *   <li>{@value #WATERMARK}: the highest cursor value a completed read saw when it started (merge, full and
 *       truncate reads); the next incremental read starts at it minus the lookback.</li>
 *   <li>{@value #POSITION_CURSOR} and {@value #POSITION_ID}: the cursor value and id of the last row an ordered
 *       (append) read delivered; the next one continues strictly after that pair.</li>
 *   <li>{@value #POSITION_CURSOR} and {@value #POSITION_KEY}1, 2, ...: the cursor value and unique key of the last
 *       row a query read delivered (see {@link #queryPosition}).</li>
 * </ul>
 */
public final class SourceState {
    public static final String WATERMARK = "watermark";
    public static final String POSITION_CURSOR = "position_cursor";
    public static final String POSITION_ID = "position_id";
    public static final String POSITION_KEY = "position_key_";

    private SourceState() {
    }

    public static Optional<Instant> watermark(State state) {
        return instant(state, WATERMARK);
    }

    public static Optional<Instant> positionCursor(State state) {
        return instant(state, POSITION_CURSOR);
    }

    public static OptionalLong positionId(State state) {
        return state.number(POSITION_ID);
    }

    /** The state with the watermark moved to {@code candidate} if that is later: a watermark never goes back. */
    public static State advance(State state, Optional<Instant> candidate) {
        if (candidate.isEmpty()) {
            return state;
        }
        Optional<Instant> current = watermark(state);
        if (current.isPresent() && !candidate.get().isAfter(current.get())) {
            return state;
        }
        return state.with(WATERMARK, candidate.get().toString());
    }

    public static State position(State state, Instant cursor, long id) {
        return state.with(POSITION_CURSOR, cursor.toString()).with(POSITION_ID, id)
                .with(WATERMARK, cursor.toString());
    }

    /**
     * A query read's position: the cursor of its last row (also the watermark) and that row's unique-key values as
     * NetSuite wrote them, under {@value #POSITION_KEY}1, 2, ... in the key's order.
     */
    public static State queryPosition(State state, Instant cursor, List<String> keys) {
        State position = state.with(POSITION_CURSOR, cursor.toString()).with(WATERMARK, cursor.toString());
        for (int i = 0; i < keys.size(); i++) {
            position = position.with(POSITION_KEY + (i + 1), keys.get(i));
        }
        return position;
    }

    /** A query read's saved unique-key values, or an empty list when any of the {@code size} is missing. */
    public static List<String> positionKeys(State state, int size) {
        List<String> keys = new ArrayList<>();
        for (int i = 1; i <= size; i++) {
            Optional<String> key = state.string(POSITION_KEY + i);
            if (key.isEmpty()) {
                return List.of();
            }
            keys.add(key.get());
        }
        return keys;
    }

    /** The state without any read position, the watermark kept: what a full read starts the next one from. */
    public static State withoutPosition(State state) {
        State cleared = state.with(POSITION_CURSOR, null).with(POSITION_ID, null);
        for (String key : state.values().keySet()) {
            if (key.startsWith(POSITION_KEY)) {
                cleared = cleared.with(key, null);
            }
        }
        return cleared;
    }

    private static Optional<Instant> instant(State state, String key) {
        Optional<String> text = state.string(key);
        try {
            return text.map(Instant::parse);
        } catch (DateTimeParseException e) {
            throw new ConfigurationException("NETSUITE_STATE_UNREADABLE", "the saved " + key + " '" + text.get()
                    + "' is not an ISO 8601 instant", "reset the pipeline's state, or set " + key
                    + " to a time such as 2024-01-31T00:00:00Z", e);
        }
    }
}
