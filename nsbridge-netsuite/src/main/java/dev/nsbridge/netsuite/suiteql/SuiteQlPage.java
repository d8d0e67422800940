package dev.nsbridge.netsuite.suiteql;

import java.util.List;

/**
 * One page of a SuiteQL answer.
 *
 * @param rows         the items, in NetSuite's order
 * @param hasMore      whether NetSuite has rows past this page
 * @param totalResults NetSuite's count of all rows the query matches
 * @param offset       where this page starts
 */
public record SuiteQlPage(List<SuiteQlRow> rows, boolean hasMore, long totalResults, int offset) {
    public SuiteQlPage {
        rows = List.copyOf(rows);
    }
}
