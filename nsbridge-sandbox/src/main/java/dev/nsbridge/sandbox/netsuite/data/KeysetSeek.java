package dev.nsbridge.sandbox.netsuite.data;

import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Lets H2 seek to a composite keyset page instead of scanning to it. Clients page a two-column key with
 * {@code k1 > ? OR (k1 = ? AND k2 > ?)}, the form SuiteQL allows; H2 cannot use an index for that OR, so it walks
 * the primary key from the start for every page and a full read grows with the square of the table. Adding the
 * implied {@code k1 >= ?} in front (the first value bound twice) gives H2 an index range with the same rows.
 */
final class KeysetSeek {
    private static final Pattern COMPOSITE = Pattern.compile("(?i)\\(\\s*((?:\\w+\\.)?(\\w+))\\s*>\\s*\\?\\s+OR\\s+"
            + "\\(\\s*(?:\\w+\\.)?\\2\\s*=\\s*\\?\\s+AND\\s+(?:\\w+\\.)?\\w+\\s*>\\s*\\?\\s*\\)\\s*\\)");

    /** A statement and the values of its placeholders, in order. */
    record Statement(String sql, List<String> params) {
    }

    private KeysetSeek() {
    }

    /** The statement with every composite keyset condition made seekable; unchanged when there is none. */
    static Statement rewrite(String sql, List<String> params) {
        String masked = SuiteQlTranslator.outsideLiterals(sql);
        Matcher condition = COMPOSITE.matcher(masked);
        StringBuilder out = new StringBuilder();
        List<String> values = new ArrayList<>(params);
        int from = 0;
        int added = 0;
        while (condition.find()) {
            int first = SuiteQlTranslator.placeholdersBefore(masked, condition.start()) + added;
            // Only when both bounds are the same value is k1 >= ? implied by the condition.
            if (first + 1 >= values.size() || !values.get(first).equals(values.get(first + 1))) {
                continue;
            }
            out.append(sql, from, condition.start()).append('(').append(condition.group(1)).append(" >= ? AND ")
                    .append(sql, condition.start(), condition.end()).append(')');
            values.add(first, values.get(first));
            added++;
            from = condition.end();
        }
        return added == 0 ? new Statement(sql, params) : new Statement(out.append(sql.substring(from)).toString(),
                List.copyOf(values));
    }
}
