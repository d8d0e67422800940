package dev.nsbridge.netsuite.governance;

import java.util.Objects;

/**
 * How many requests nsbridge keeps in flight to an account, and why: reportable by {@code nsbridge check}.
 *
 * @param permits the budget, at least 1
 * @param limit   the limit it was derived from
 * @param reserve what was left for the account's other integrations
 * @param source  where {@code limit} came from
 */
public record ConcurrencyBudget(int permits, int limit, int reserve, Source source) {

    public ConcurrencyBudget {
        Objects.requireNonNull(source, "source");
        if (permits < 1) {
            throw new IllegalArgumentException("a budget is at least 1, not " + permits);
        }
    }

    /** Where a budget's limit came from. */
    public enum Source {
        /** governanceLimits: an admin reserved this many for the integration. */
        INTEGRATION_LIMIT("integrationConcurrencyLimit from governanceLimits"),
        /** governanceLimits: what the account's pool has left after the reservations. */
        ACCOUNT_UNALLOCATED_LIMIT("accountUnallocatedConcurrencyLimit from governanceLimits"),
        /** governanceLimits: the account's whole pool, when no unallocated figure was given. */
        ACCOUNT_LIMIT("accountConcurrencyLimit from governanceLimits"),
        /** nsbridge.yaml, because governanceLimits could not be read. */
        CONFIGURED("the configured concurrency (governanceLimits not readable)");

        private final String description;

        Source(String description) {
            this.description = description;
        }

        public String description() {
            return description;
        }
    }

    /**
     * The budget from the account's own figures. A limit reserved for this integration is ours alone, so no
     * reserve is taken from it; a shared pool keeps the reserve free for the account's other integrations.
     */
    public static ConcurrencyBudget fromLimits(GovernanceLimits limits, int configured, int reserve) {
        boolean integrationSpecific = limits.integrationLimitType().map("integrationSpecific"::equalsIgnoreCase)
                .orElse(false);
        if (integrationSpecific && limits.integrationConcurrencyLimit().isPresent()) {
            int limit = limits.integrationConcurrencyLimit().getAsInt();
            return new ConcurrencyBudget(Math.max(1, limit), limit, 0, Source.INTEGRATION_LIMIT);
        }
        if (limits.accountUnallocatedConcurrencyLimit().isPresent()) {
            return shared(limits.accountUnallocatedConcurrencyLimit().getAsInt(), reserve,
                    Source.ACCOUNT_UNALLOCATED_LIMIT);
        }
        if (limits.accountConcurrencyLimit().isPresent()) {
            return shared(limits.accountConcurrencyLimit().getAsInt(), reserve, Source.ACCOUNT_LIMIT);
        }
        return configured(configured, reserve);
    }

    public static ConcurrencyBudget configured(int configured, int reserve) {
        return shared(configured, reserve, Source.CONFIGURED);
    }

    private static ConcurrencyBudget shared(int limit, int reserve, Source source) {
        return new ConcurrencyBudget(Math.max(1, limit - reserve), limit, reserve, source);
    }

    /** E.g. {@code 4 requests at once: 5 (accountUnallocatedConcurrencyLimit from governanceLimits) minus 1 reserved}. */
    public String describe() {
        return permits + (permits == 1 ? " request" : " requests") + " at once: " + limit + " (" + source.description()
                + ")" + (reserve > 0 ? " minus " + reserve + " reserved for other integrations" : "");
    }
}
