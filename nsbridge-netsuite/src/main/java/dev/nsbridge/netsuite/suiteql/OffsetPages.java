package dev.nsbridge.netsuite.suiteql;

import dev.nsbridge.spi.errors.ConfigurationException;
import java.util.List;
import java.util.Optional;

/** Pages of one query by offset, up to NetSuite's 100,000-row cap; past it the read fails rather than stop short. */
final class OffsetPages implements PageSource {
    private final SuiteQl suiteQl;
    private final SuiteQlQuery query;
    private final int limit;
    private int offset;
    private boolean done;

    OffsetPages(SuiteQl suiteQl, SuiteQlQuery query, int limit) {
        this.suiteQl = suiteQl;
        this.query = query;
        this.limit = limit;
    }

    @Override
    public Optional<List<SuiteQlRow>> next() {
        if (done) {
            return Optional.empty();
        }
        if (offset >= SuiteQl.OFFSET_CAP) {
            throw new ConfigurationException("RESULT_OVER_100000_ROWS", "the query matches more than "
                    + SuiteQl.OFFSET_CAP + " rows, NetSuite's cap for one SuiteQL query",
                    "narrow the query with a condition, or read the table by key (keyset reader)");
        }
        SuiteQlPage page = suiteQl.page(query, offset, limit);
        offset += limit;
        done = !page.hasMore() || page.rows().size() < limit;
        return Optional.of(page.rows());
    }
}
