package dev.nsbridge.sandbox.netsuite.data;

import java.time.LocalDateTime;
import java.time.format.DateTimeFormatter;
import java.util.Locale;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Turns SuiteQL into SQL H2 runs in Oracle mode, refusing first what NetSuite refuses. Most of SuiteQL is Oracle SQL
 * already (TO_CHAR, TO_DATE, NVL, ||, ROWNUM); what is not is BUILTIN.DF, TOP, dates written as strings in the
 * user's format, and the dialect's limits.
 */
final class SuiteQlTranslator {
    /** The SQL to run, and which of its placeholders hold a date in the user's format. */
    record Translation(String sql, Set<Integer> dateParams) {
    }

    static final int MAX_IN_ITEMS = 1000;
    private static final Pattern WITH = Pattern.compile("^\\s*WITH\\b", Pattern.CASE_INSENSITIVE);
    private static final Pattern DF = Pattern.compile("BUILTIN\\s*\\.\\s*DF\\s*\\(", Pattern.CASE_INSENSITIVE);
    private static final Pattern IN_LIST = Pattern.compile("\\bIN\\s*\\(", Pattern.CASE_INSENSITIVE);
    private static final Pattern NOW = Pattern.compile("\\b(SYSDATE|CURRENT_DATE|CURRENT_TIMESTAMP|SYSTIMESTAMP)\\b",
            Pattern.CASE_INSENSITIVE);
    private static final Pattern HIDDEN = Pattern.compile("\\bnsdf_\\w+", Pattern.CASE_INSENSITIVE);
    /**
     * ANSI date and timestamp literals. "You can't use date literals. You must encapsulate dates using the to_date()
     * function." (SuiteQL Performance and Best Practices, article_0824094533.)
     */
    private static final Pattern DATE_LITERAL = Pattern.compile("(?<![\\w.])(DATE|TIMESTAMP)\\s*'",
            Pattern.CASE_INSENSITIVE);
    private static final Pattern DATE_TO_CHAR = Pattern.compile("TO_CHAR\\s*\\(\\s*([A-Za-z_][\\w.$]*)\\s*,\\s*"
            + "'((?:YYYY|MM|DD|HH24|MI|SS|[-/: ]|T)+)'\\s*\\)", Pattern.CASE_INSENSITIVE);
    // accounttype.left is a column in NetSuite, but LEFT is a keyword (LEFT JOIN, LEFT(text, n)) to the database under
    // the sandbox; outside those uses it names the column, which the schema creates quoted.
    private static final Pattern LEFT_COLUMN = Pattern.compile("(?<![\\w$])LEFT(?![\\w$])(?!\\s*\\()"
            + "(?!\\s+(?:OUTER|JOIN)\\b)", Pattern.CASE_INSENSITIVE);
    private static final Pattern COLUMN = Pattern.compile("[A-Za-z_][\\w$]*(\\.[A-Za-z_][\\w$]*)?");

    private SuiteQlTranslator() {
    }

    /** The SQL to run; {@code now} stands for SYSDATE so that the account's movable clock decides what "now" is. */
    static Translation translate(String suiteQl, LocalDateTime now) throws SuiteQlException {
        String query = suiteQl.strip();
        if (query.endsWith(";")) {
            query = query.substring(0, query.length() - 1).strip();
        }
        if (query.isEmpty()) {
            throw SuiteQlErrors.syntax("The query is empty.");
        }
        if (WITH.matcher(query).find()) {
            throw SuiteQlErrors.syntax("WITH clauses are not supported.");
        }
        Matcher hidden = HIDDEN.matcher(outsideLiterals(query));
        if (hidden.find()) {
            throw SuiteQlErrors.unknownTable(hidden.group().toLowerCase(Locale.ROOT));
        }
        refuseDateLiterals(query);
        checkInLists(query);
        DateStringComparisons.Result dates = DateStringComparisons.rewrite(TopClauses.rewrite(query));
        String sql = quoteLeftColumn(fastDateFormats(replaceDisplayFunctions(dates.sql())));
        String stamp = "TIMESTAMP '" + now.format(DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm:ss")) + "'";
        return new Translation(NOW.matcher(sql).replaceAll(match -> match.group(1).equalsIgnoreCase("CURRENT_DATE")
                ? "CAST(" + stamp + " AS DATE)" : stamp), dates.dateParams());
    }

    private static void refuseDateLiterals(String query) throws SuiteQlException {
        Matcher literal = DATE_LITERAL.matcher(outsideLiterals(query));
        if (literal.find()) {
            int close = query.indexOf('\'', literal.end());
            String written = close < 0 ? query.substring(literal.start()) : query.substring(literal.start(), close + 1);
            throw SuiteQlErrors.syntax("Date literals are not supported: " + written + ". Encapsulate dates with"
                    + " TO_DATE, e.g. TO_DATE('2025-01-31', 'YYYY-MM-DD').");
        }
    }

    private static void checkInLists(String query) throws SuiteQlException {
        String masked = outsideLiterals(query);
        Matcher in = IN_LIST.matcher(masked);
        while (in.find()) {
            int items = 1;
            int depth = 0;
            for (int i = in.end(); i < masked.length(); i++) {
                char c = masked.charAt(i);
                if (c == '(') {
                    depth++;
                } else if (c == ')') {
                    if (depth-- == 0) {
                        break;
                    }
                } else if (c == ',' && depth == 0) {
                    items++;
                }
            }
            if (items > MAX_IN_ITEMS) {
                throw SuiteQlErrors.syntax("ORA-01795: maximum number of expressions in a list is 1000");
            }
        }
    }

    private static String replaceDisplayFunctions(String query) throws SuiteQlException {
        StringBuilder out = new StringBuilder();
        Matcher df = DF.matcher(query);
        int from = 0;
        while (df.find(from)) {
            int close = closingParenthesis(query, df.end());
            if (close < 0) {
                throw SuiteQlErrors.syntax("Unbalanced parentheses in BUILTIN.DF.");
            }
            String argument = query.substring(df.end(), close).strip();
            out.append(query, from, df.start());
            out.append(COLUMN.matcher(argument).matches() ? DisplayNames.expression(argument)
                    : "CAST((" + replaceDisplayFunctions(argument) + ") AS VARCHAR)");
            from = close + 1;
        }
        return out.append(query.substring(from)).toString();
    }

    /**
     * H2's TO_CHAR interprets its pattern anew for every row, four times slower than FORMATDATETIME over a
     * 1,000-row page; the date patterns clients use for exact timestamps are rewritten to the faster one.
     */
    private static String fastDateFormats(String sql) {
        return DATE_TO_CHAR.matcher(sql).replaceAll(match -> "FORMATDATETIME(" + match.group(1) + ", '"
                + javaPattern(match.group(2).toUpperCase(Locale.ROOT)) + "')");
    }

    private static String javaPattern(String oracle) {
        return oracle.replace("YYYY", "yyyy").replace("DD", "dd").replace("HH24", "HH").replace("MI", "mm")
                .replace("SS", "ss").replace("T", "''T''");
    }

    static int closingParenthesis(String text, int start) {
        int depth = 0;
        for (int i = start; i < text.length(); i++) {
            char c = text.charAt(i);
            if (c == '\'') {
                i = text.indexOf('\'', i + 1);
                if (i < 0) {
                    return -1;
                }
            } else if (c == '(') {
                depth++;
            } else if (c == ')' && depth-- == 0) {
                return i;
            }
        }
        return -1;
    }

    /** The query with string literals blanked, so counting and matching never look inside them. */
    private static String quoteLeftColumn(String sql) {
        Matcher left = LEFT_COLUMN.matcher(outsideLiterals(sql));
        StringBuilder quoted = new StringBuilder(sql.length() + 8);
        int from = 0;
        while (left.find()) {
            quoted.append(sql, from, left.start()).append("\"LEFT\"");
            from = left.end();
        }
        return quoted.append(sql.substring(from)).toString();
    }

    static String outsideLiterals(String query) {
        StringBuilder masked = new StringBuilder(query.length());
        boolean inside = false;
        for (int i = 0; i < query.length(); i++) {
            char c = query.charAt(i);
            if (c == '\'') {
                inside = !inside;
                masked.append(c);
            } else {
                masked.append(inside ? ' ' : c);
            }
        }
        return masked.toString();
    }

    /** How many {@code ?} parameters stand before {@code end} in a query masked by {@link #outsideLiterals}. */
    static int placeholdersBefore(String masked, int end) {
        int count = 0;
        for (int i = 0; i < end; i++) {
            if (masked.charAt(i) == '?') {
                count++;
            }
        }
        return count;
    }
}
