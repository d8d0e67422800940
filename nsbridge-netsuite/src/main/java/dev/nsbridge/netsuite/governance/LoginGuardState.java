package dev.nsbridge.netsuite.governance;

import java.time.Instant;
import java.util.Optional;

/**
 * What the lockout guard knows about an account, for {@code nsbridge check}.
 *
 * @param consecutiveFailures failed logins since the last success
 * @param lastFailure         when the last one happened
 * @param tripped             whether ordinary calls are refused without touching the network
 * @param nextAttemptAt       while tripped, when one attempt is allowed again
 * @param checkMayTry         whether {@code nsbridge check} may make one attempt now
 */
public record LoginGuardState(int consecutiveFailures, Optional<Instant> lastFailure, boolean tripped,
                              Optional<Instant> nextAttemptAt, boolean checkMayTry) {
}
