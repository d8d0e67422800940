package dev.nsbridge.sandbox.netsuite.data;

import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * SuiteQL's {@code SELECT TOP n}, which H2's Oracle mode does not parse, as the standard {@code FETCH FIRST n ROWS
 * ONLY} at the end of the same select. TOP is SuiteQL: Oracle's own SuiteQL examples use it ({@code select top 10
 * memo from transaction ...}, article_9232430195), and it applies after ORDER BY, as FETCH FIRST does. A TOP inside
 * parentheses ends at their closing one; anywhere else it ends with the query (a TOP before a UNION thus limits the
 * whole union, a case no client here uses).
 */
final class TopClauses {
    private static final Pattern TOP = Pattern.compile(
            "(?i)\\bSELECT\\s+((?:DISTINCT|ALL)\\s+)?(TOP\\s*(?:\\(\\s*(\\d+)\\s*\\)|(\\d+)\\b)\\s*)");

    private TopClauses() {
    }

    static String rewrite(String query) throws SuiteQlException {
        String sql = query;
        Matcher top = TOP.matcher(SuiteQlTranslator.outsideLiterals(sql));
        while (top.find()) {
            String rows = top.group(3) != null ? top.group(3) : top.group(4);
            int end = scopeEnd(sql, top.start());
            sql = sql.substring(0, top.start(2)) + sql.substring(top.end(2), end) + " FETCH FIRST " + rows
                    + " ROWS ONLY" + sql.substring(end);
            top = TOP.matcher(SuiteQlTranslator.outsideLiterals(sql));
        }
        return sql;
    }

    /** Where the select starting at {@code select} ends: its closing parenthesis, or the end of the query. */
    private static int scopeEnd(String sql, int select) throws SuiteQlException {
        int before = select - 1;
        while (before >= 0 && Character.isWhitespace(sql.charAt(before))) {
            before--;
        }
        if (before < 0 || sql.charAt(before) != '(') {
            return sql.length();
        }
        int close = SuiteQlTranslator.closingParenthesis(sql, before + 1);
        if (close < 0) {
            throw SuiteQlErrors.syntax("Parse of query string failed. Unbalanced parentheses.");
        }
        return close;
    }
}
