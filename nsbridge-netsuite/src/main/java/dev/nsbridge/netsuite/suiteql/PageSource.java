package dev.nsbridge.netsuite.suiteql;

import java.util.List;
import java.util.Optional;

/** Fetches the pages of one read in order; called from a single fetching thread. */
@FunctionalInterface
interface PageSource {
    /** The next page's rows, or empty once the read is complete. */
    Optional<List<SuiteQlRow>> next();
}
