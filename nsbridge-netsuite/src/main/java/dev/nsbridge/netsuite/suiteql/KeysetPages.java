package dev.nsbridge.netsuite.suiteql;

import dev.nsbridge.spi.errors.InternalException;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * Pages of a table in key order, each one a fresh query at offset 0 for the rows after the last key seen. No
 * offset ever grows, so NetSuite's 100,000-row cap never applies.
 */
final class KeysetPages implements PageSource {
    private final SuiteQl suiteQl;
    private final SuiteQlSelect select;
    private final List<String> keys;
    private final int limit;
    private List<String> last;
    private boolean done;

    KeysetPages(SuiteQl suiteQl, SuiteQlSelect select, List<String> keys, int limit) {
        this.suiteQl = suiteQl;
        this.select = select.orderedBy(keys);
        this.keys = List.copyOf(keys);
        this.limit = limit;
    }

    @Override
    public Optional<List<SuiteQlRow>> next() {
        if (done) {
            return Optional.empty();
        }
        SuiteQlSelect page = last == null ? select : select.after(keys, last);
        SuiteQlPage answer = suiteQl.page(page.toQuery(), 0, limit);
        List<SuiteQlRow> rows = answer.rows();
        done = rows.size() < limit || !answer.hasMore();
        if (!rows.isEmpty()) {
            last = keyOf(rows.get(rows.size() - 1));
        }
        return rows.isEmpty() ? Optional.empty() : Optional.of(rows);
    }

    private List<String> keyOf(SuiteQlRow row) {
        List<String> values = new ArrayList<>(keys.size());
        for (String key : keys) {
            String value = row.string(key);
            if (value == null) {
                throw new InternalException("KEYSET_NULL_KEY", "a row of " + select.table() + " has no " + key
                        + ", so it cannot be read by key", "read this table with the offset reader");
            }
            values.add(value);
        }
        return values;
    }
}
