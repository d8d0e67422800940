package dev.nsbridge.netsuite.suiteql;

import dev.nsbridge.spi.errors.ConfigurationException;
import java.util.List;
import java.util.Optional;

/**
 * Pages of one query by offset, below NetSuite's 100,000-row cap. A query serves its first 100,000 rows only
 * ("Using SuiteQL queries, you can return a maximum of 100,000 results", Oracle section_157909186990), and the
 * answer at the cap may end there quietly (totalResults 100,000, hasMore false) or go on counting and refuse the
 * next offset. Either way a read that meets the cap has not seen every row, so it fails, as soon as totalResults
 * shows it and before any row is passed on, rather than stop short. A query of exactly 100,000 rows cannot be told
 * from a longer one and fails too.
 */
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
        SuiteQlPage page = suiteQl.page(query, offset, limit);
        if (page.totalResults() >= SuiteQl.OFFSET_CAP || offset + page.rows().size() >= SuiteQl.OFFSET_CAP) {
            throw new ConfigurationException("RESULT_OVER_100000_ROWS", "the query matches " + SuiteQl.OFFSET_CAP
                    + " rows or more, and NetSuite serves at most " + SuiteQl.OFFSET_CAP + " rows of one SuiteQL query",
                    "narrow the query with a condition, or read the table by key (keyset reader)");
        }
        offset += limit;
        done = !page.hasMore() || page.rows().size() < limit;
        return Optional.of(page.rows());
    }
}
