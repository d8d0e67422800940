package dev.nsbridge.klaviyo.profiles;

import java.time.Instant;

/**
 * What to read from {@code GET /api/profiles}.
 *
 * @param filter            {@code null} for every profile
 * @param sort              {@code null} for Klaviyo's order
 * @param pageSize          1 to 100 (the spec's bounds)
 * @param withSubscriptions adds {@code additional-fields[profile]=subscriptions}: consent and suppressions
 */
public record ProfileQuery(ProfileFilter filter, ProfileSort sort, int pageSize, boolean withSubscriptions) {
    public static final int MAX_PAGE_SIZE = 100;

    public ProfileQuery {
        if (pageSize < 1 || pageSize > MAX_PAGE_SIZE) {
            throw new IllegalArgumentException("page size must be 1 to 100, was " + pageSize);
        }
    }

    /** Profiles suppressed after {@code since}, oldest suppression first, with their subscriptions. */
    public static ProfileQuery suppressedAfter(Instant since) {
        return new ProfileQuery(ProfileFilter.suppressedAfter(since), ProfileSort.EMAIL_SUPPRESSION_TIMESTAMP,
                MAX_PAGE_SIZE, true);
    }
}
