package dev.nsbridge.netsuite.governance;

import java.util.Objects;
import java.util.Optional;

/**
 * The concurrency budget nsbridge settled on for an account, with what it was read from.
 *
 * @param budget         the budget in force
 * @param limits         the governanceLimits answer, when the role could read it
 * @param unreadableBecause why governanceLimits could not be read (and the configured concurrency was used)
 */
public record GovernanceReading(ConcurrencyBudget budget, Optional<GovernanceLimits> limits,
                                Optional<String> unreadableBecause) {
    public GovernanceReading {
        Objects.requireNonNull(budget, "budget");
        Objects.requireNonNull(limits, "limits");
        Objects.requireNonNull(unreadableBecause, "unreadableBecause");
    }
}
