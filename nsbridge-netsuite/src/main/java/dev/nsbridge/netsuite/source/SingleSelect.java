package dev.nsbridge.netsuite.source;

import dev.nsbridge.spi.errors.ConfigurationException;
import java.util.Locale;

/**
 * The check a user's query passes before nsbridge wraps it as an inline view: exactly one {@code SELECT}, with
 * balanced parentheses, closed literals and comments, and no second statement. The query is the user's own
 * configuration, trusted like the rest of it; the check is there so the wrapper around it means what it says (an
 * unclosed {@code /*} or a stray {@code )} would change what the outer select reads) and so a mistake is named
 * before NetSuite answers with a parse error. One trailing {@code ;} is dropped, as people paste queries with it.
 */
final class SingleSelect {
    private SingleSelect() {
    }

    /** The query ready to be wrapped, or the refusal that says what to fix. */
    static String check(String stream, String query) {
        String text = query == null ? "" : query.strip();
        StringBuilder code = new StringBuilder();
        int depth = 0;
        int end = text.length();
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            if (c == '\'' || c == '"') {
                int close = text.indexOf(c, i + 1);
                while (close > 0 && c == '\'' && close + 1 < text.length() && text.charAt(close + 1) == '\'') {
                    close = text.indexOf(c, close + 2);
                }
                if (close < 0) {
                    throw refused(stream, "has a " + (c == '\'' ? "string" : "quoted name") + " that is never closed",
                            "close the " + c + " that starts at character " + (i + 1));
                }
                code.append(' ');
                i = close;
            } else if (text.startsWith("--", i)) {
                int newline = text.indexOf('\n', i);
                i = newline < 0 ? text.length() : newline;
                code.append(' ');
            } else if (text.startsWith("/*", i)) {
                int close = text.indexOf("*/", i + 2);
                if (close < 0) {
                    throw refused(stream, "has a /* comment that is never closed", "close it with */");
                }
                code.append(' ');
                i = close + 1;
            } else if (c == ';') {
                if (!text.substring(i + 1).isBlank() || depth != 0) {
                    throw refused(stream, "holds more than one statement (a ; before its end)",
                            "keep one SELECT statement; remove the ; and what follows it");
                }
                end = i;
                break;
            } else {
                if (c == '(') {
                    depth++;
                } else if (c == ')' && --depth < 0) {
                    throw refused(stream, "closes a parenthesis it never opened (character " + (i + 1) + ")",
                            "balance the query's parentheses");
                }
                code.append(c);
            }
        }
        if (depth != 0) {
            throw refused(stream, "leaves " + depth + " parenthesis(es) open", "balance the query's parentheses");
        }
        String words = code.toString().strip().toUpperCase(Locale.ROOT);
        if (!words.matches("(?s)SELECT\\b.*")) {
            throw refused(stream, "is not a SELECT statement", "write one SuiteQL SELECT, e.g. SELECT t.id,"
                    + " t.tranid FROM transaction t (SuiteQL has no WITH)");
        }
        return text.substring(0, end).strip();
    }

    private static ConfigurationException refused(String stream, String problem, String fix) {
        return new ConfigurationException("NETSUITE_QUERY_NOT_ONE_SELECT", "the query of " + stream + " " + problem,
                fix);
    }
}
