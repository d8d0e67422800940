package dev.nsbridge.netsuite.source;

import dev.nsbridge.spi.errors.ConfigurationException;
import dev.nsbridge.spi.state.State;
import java.time.Instant;
import java.time.format.DateTimeParseException;
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
 * </ul>
 */
public final class SourceState {
    public static final String WATERMARK = "watermark";
    public static final String POSITION_CURSOR = "position_cursor";
    public static final String POSITION_ID = "position_id";

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
