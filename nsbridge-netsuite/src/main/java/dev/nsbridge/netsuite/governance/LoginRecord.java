package dev.nsbridge.netsuite.governance;

import java.time.Instant;
import java.util.Objects;
import java.util.Optional;

/**
 * The failed logins the guard counts for one account: how many since the last success, and when the last was.
 *
 * @param consecutiveFailures failed logins since the last success
 * @param lastFailure         when the last one happened; present whenever the count is above zero
 */
public record LoginRecord(int consecutiveFailures, Optional<Instant> lastFailure) {
    public static final LoginRecord CLEAR = new LoginRecord(0, Optional.empty());

    public LoginRecord {
        Objects.requireNonNull(lastFailure, "lastFailure");
        if (consecutiveFailures < 0) {
            throw new IllegalArgumentException("a count of failures is never negative: " + consecutiveFailures);
        }
    }

    /** One more failure, at {@code at}. */
    public LoginRecord failed(Instant at) {
        return new LoginRecord(consecutiveFailures + 1, Optional.of(at));
    }
}
