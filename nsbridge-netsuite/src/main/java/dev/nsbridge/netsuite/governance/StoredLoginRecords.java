package dev.nsbridge.netsuite.governance;

import dev.nsbridge.spi.state.KeyedStates;
import dev.nsbridge.spi.state.State;
import java.time.Instant;
import java.util.Optional;
import java.util.function.UnaryOperator;

/**
 * The NetSuite login guard's count in the state store, under {@code netsuite-login:<account>-<hash of the login>}:
 * with a PostgreSQL store that several servers share, every server counts into one record, so together they stop
 * where one does. Pipeline names cannot hold a colon, so the key never meets a pipeline's.
 */
public final class StoredLoginRecords implements LoginRecords {
    private static final String FAILURES = "consecutive_failures";
    private static final String LAST_FAILURE = "last_failure";

    private final KeyedStates states;
    private final String key;

    public StoredLoginRecords(KeyedStates states, LoginIdentity login) {
        this.states = states;
        this.key = "netsuite-login:" + login.key();
    }

    @Override
    public String where() {
        return "the shared state store (" + key + ")";
    }

    @Override
    public LoginRecord read() {
        return states.load(key).map(StoredLoginRecords::decode).orElse(LoginRecord.CLEAR);
    }

    @Override
    public LoginRecord change(UnaryOperator<LoginRecord> change) {
        return decode(states.update(key, current -> encode(change.apply(current.map(StoredLoginRecords::decode)
                .orElse(LoginRecord.CLEAR)))));
    }

    private static LoginRecord decode(State state) {
        return new LoginRecord((int) state.number(FAILURES).orElse(0),
                state.string(LAST_FAILURE).map(Instant::parse));
    }

    private static State encode(LoginRecord record) {
        State state = State.EMPTY.with(FAILURES, (long) record.consecutiveFailures());
        Optional<Instant> last = record.lastFailure();
        return last.map(at -> state.with(LAST_FAILURE, at.toString())).orElse(state);
    }
}
