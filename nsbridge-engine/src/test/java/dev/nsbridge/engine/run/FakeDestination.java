package dev.nsbridge.engine.run;

import dev.nsbridge.spi.data.Batch;
import dev.nsbridge.spi.data.RecordError;
import dev.nsbridge.spi.destination.DestinationWriter;
import dev.nsbridge.spi.destination.RetryableDestination;
import dev.nsbridge.spi.destination.WriteRequest;
import dev.nsbridge.spi.destination.WriteResult;
import dev.nsbridge.spi.state.State;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * A destination that holds rows in memory. It refuses rows whose email is in {@link #refusedEmails}, can fail a
 * given write, and, when it keeps its own state, commits each batch's state with its rows.
 */
final class FakeDestination implements RetryableDestination {
    final List<Object[]> rows = new ArrayList<>();
    final Set<String> refusedEmails = new HashSet<>();
    /** Rows written with a warning, as a destination that leaves out a field it cannot take. */
    final Set<String> warnedEmails = new HashSet<>();
    final Set<String> stillRefusedOnRetry = new HashSet<>();
    final Set<String> warnedOnRetry = new HashSet<>();
    final List<WriteRequest> requests = new ArrayList<>();
    final List<String> retried = new ArrayList<>();
    final Map<Integer, RuntimeException> failures = new HashMap<>();
    private final boolean keepsState;
    State committed = State.EMPTY;
    Optional<State> completedWith = Optional.empty();
    int writes;

    FakeDestination(boolean keepsState) {
        this.keepsState = keepsState;
    }

    @Override
    public DestinationWriter open(WriteRequest request) {
        requests.add(request);
        return new DestinationWriter() {
            @Override
            public Optional<State> committedState() {
                return keepsState ? Optional.of(committed) : Optional.empty();
            }

            @Override
            public WriteResult write(Batch batch) {
                RuntimeException failure = failures.remove(++writes);
                if (failure != null) {
                    throw failure;
                }
                List<RecordError> errors = new ArrayList<>();
                List<RecordError> warnings = new ArrayList<>();
                List<String> whole = new ArrayList<>();
                long written = 0;
                for (int row = 0; row < batch.size(); row++) {
                    String email = (String) batch.value(row, "email");
                    if (refusedEmails.contains(email)) {
                        errors.add(new RecordError(String.valueOf(batch.value(row, "id")), "invalid_email",
                                "refused: fix the email at the source", "{\"email\":\"" + email + "\"}"));
                    } else {
                        rows.add(batch.rows().get(row));
                        written++;
                        String key = String.valueOf(batch.value(row, "id"));
                        if (warnedEmails.contains(email)) {
                            warnings.add(RecordError.warning(key, "odd_email", "sent without its email",
                                    "{\"id\":" + key + "}"));
                        } else {
                            whole.add(key);
                        }
                    }
                }
                if (keepsState) {
                    committed = batch.stateAfter();
                }
                return new WriteResult(written, 0, errors, warnings, whole);
            }

            @Override
            public void complete(State finalState) {
                completedWith = Optional.of(finalState);
            }

            @Override
            public void close() {
            }
        };
    }

    @Override
    public List<RecordError> retry(WriteRequest request, List<RecordError> errors) {
        List<RecordError> refused = new ArrayList<>();
        for (RecordError error : errors) {
            retried.add(error.recordKey());
            if (warnedOnRetry.contains(error.recordKey())) {
                refused.add(RecordError.warning(error.recordKey(), "odd_email", "sent without its email",
                        error.payload()));
            } else if (stillRefusedOnRetry.contains(error.recordKey())) {
                refused.add(new RecordError(error.recordKey(), "invalid_email", "still refused", error.payload()));
            }
        }
        return refused;
    }
}
