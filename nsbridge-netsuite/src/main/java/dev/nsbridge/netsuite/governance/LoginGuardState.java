package dev.nsbridge.netsuite.governance;

import java.time.Instant;
import java.util.Optional;

/**
 * What the lockout guard knows about an account's login, for {@code nsbridge check}.
 *
 * @param consecutiveFailures failed logins since the last success
 * @param lastFailure         when the last one happened
 * @param tripped             whether ordinary calls are refused without touching the network
 * @param nextAttemptAt       while tripped, when one run may try again; empty when none ever may without a reset
 * @param checkMayTry         whether {@code nsbridge check} may make one attempt now
 * @param attemptsLeft        failed logins nsbridge still allows before it stops for good, one short of NetSuite's
 *                            lockout
 * @param where               where the count is kept: a file of the host or a key of the shared state store
 */
public record LoginGuardState(int consecutiveFailures, Optional<Instant> lastFailure, boolean tripped,
                              Optional<Instant> nextAttemptAt, boolean checkMayTry, int attemptsLeft, String where) {
}
