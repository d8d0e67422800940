package dev.nsbridge.bench;

import dev.nsbridge.netsuite.suiteql.SuiteQl;
import dev.nsbridge.netsuite.suiteql.SuiteQlPage;
import dev.nsbridge.netsuite.suiteql.SuiteQlRow;
import dev.nsbridge.netsuite.suiteql.SuiteQlSelect;
import dev.nsbridge.spi.stream.StreamDescriptor;
import java.util.List;

/**
 * The baseline: SuiteQL read the way most open-source taps read it. One request at a time, limit 1000, offset 0,
 * 1000, 2000 …; at NetSuite's 100,000-row offset cap the query starts again after the last key seen, at offset 0.
 * It only reads (no warehouse writes), which flatters it.
 */
final class SequentialPager {
    private final SuiteQl suiteQl;

    SequentialPager(SuiteQl suiteQl) {
        this.suiteQl = suiteQl;
    }

    /**
     * @param rows     rows read before the pager stops (fewer if the table ends first)
     * @param seconds  wall time of the read
     * @param restarts how many times the offset cap forced a new query
     */
    record Outcome(long rows, double seconds, int restarts) {
        double rowsPerSecond() {
            return rows / seconds;
        }
    }

    /** Reads the first {@code wanted} rows of the stream in key order. */
    Outcome read(StreamDescriptor stream, long wanted) {
        List<String> keys = stream.primaryKey();
        SuiteQlSelect all = SuiteQlSelect.from(stream.name(), stream.columns()).orderedBy(keys);
        SuiteQlSelect query = all;
        int offset = 0;
        int restarts = 0;
        long rows = 0;
        List<String> last = List.of();
        long started = System.nanoTime();
        while (rows < wanted) {
            if (offset >= SuiteQl.OFFSET_CAP) {
                query = all.after(keys, last);
                offset = 0;
                restarts++;
            }
            SuiteQlPage page = suiteQl.page(query.toQuery(), offset, SuiteQl.MAX_LIMIT);
            rows += page.rows().size();
            if (!page.rows().isEmpty()) {
                SuiteQlRow end = page.rows().get(page.rows().size() - 1);
                last = keys.stream().map(end::string).toList();
            }
            // NetSuite ends a query at its 100,000th row with hasMore false: that is the cap, not the table's end.
            if (!page.hasMore() && offset + page.rows().size() < SuiteQl.OFFSET_CAP) {
                break;
            }
            offset += SuiteQl.MAX_LIMIT;
        }
        return new Outcome(rows, (System.nanoTime() - started) / 1e9, restarts);
    }
}
