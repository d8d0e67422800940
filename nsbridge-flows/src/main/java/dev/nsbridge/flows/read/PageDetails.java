package dev.nsbridge.flows.read;

import dev.nsbridge.netsuite.suiteql.SuiteQl;
import dev.nsbridge.spi.stream.Column;
import java.util.List;
import java.util.Map;

/**
 * What a flow adds to each page of its rows with one more query, e.g. the lines of a page of orders: one query per
 * page instead of one per record.
 */
public interface PageDetails {

    /** No details. */
    PageDetails NONE = new PageDetails() {
        @Override
        public List<Column> columns() {
            return List.of();
        }

        @Override
        public void add(SuiteQl suiteQl, List<Map<String, Object>> rows) {
        }
    };

    /** The columns {@link #add} fills in. */
    List<Column> columns();

    /** Puts this page's details into each row (a map of alias to typed value). */
    void add(SuiteQl suiteQl, List<Map<String, Object>> rows);
}
