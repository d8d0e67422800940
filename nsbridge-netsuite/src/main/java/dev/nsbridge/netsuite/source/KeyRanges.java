package dev.nsbridge.netsuite.source;

import java.util.ArrayList;
import java.util.List;

/** Splits the leading key's span {@code [low, high]} into half-open ranges to read side by side. */
final class KeyRanges {
    private KeyRanges() {
    }

    /** A half-open range {@code [from, to)} of the leading key. */
    record Range(long from, long to) {
    }

    /**
     * Ranges of about equal width: at least one per worker so all of them work, more when the table is big so a
     * worker that drew a dense range does not hold up the end. A table that fits in one page is one range: splitting
     * it would only cost requests.
     */
    static List<Range> split(long low, long high, long rows, int workers, int rangeRows, int pageRows) {
        if (high < low) {
            throw new IllegalArgumentException("an empty span " + low + ".." + high);
        }
        long span = high - low + 1;
        long wanted = rows <= pageRows ? 1 : Math.max(workers, (rows + rangeRows - 1) / rangeRows);
        long count = Math.max(1, Math.min(wanted, span));
        List<Range> ranges = new ArrayList<>();
        long width = span / count;
        long extra = span % count;
        long from = low;
        for (long i = 0; i < count; i++) {
            long to = from + width + (i < extra ? 1 : 0);
            ranges.add(new Range(from, to));
            from = to;
        }
        return ranges;
    }
}
