package dev.nsbridge.sandbox.netsuite.data;

import java.sql.SQLException;
import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * NetSuite's own texts for refused queries (reference §5). What follows "Unknown identifier 'x'." on a live account
 * is not documented, so the sandbox stops there; clients should match the start of the text.
 */
final class SuiteQlErrors {
    static final String INVALID_PARAMETER = "INVALID_PARAMETER";
    private static final String PREFIX = "Invalid search query. Detailed unprocessed description follows. ";
    private static final Pattern QUOTED = Pattern.compile("\"([^\"]+)\"");

    private SuiteQlErrors() {
    }

    static SuiteQlException unknownIdentifier(String name) {
        return new SuiteQlException(INVALID_PARAMETER, PREFIX + "Search error occurred: Unknown identifier '"
                + name + "'.");
    }

    static SuiteQlException unknownTable(String name) {
        return new SuiteQlException(INVALID_PARAMETER, PREFIX + "Search error occurred: Invalid search type: "
                + name + ".");
    }

    static SuiteQlException syntax(String detail) {
        return new SuiteQlException(INVALID_PARAMETER, PREFIX + "Search error occurred: " + detail);
    }

    /** Maps H2's refusal to NetSuite's by H2's error code. */
    static SuiteQlException from(SQLException e) {
        String name = firstQuoted(e.getMessage());
        return switch (e.getErrorCode()) {
            case 42122, 90022, 42_123 -> unknownIdentifier(name);
            case 42102, 42103, 90079 -> unknownTable(name);
            case 42000, 42001 -> syntax("Parse of query string failed. " + parseHint(e.getMessage()));
            case 90012 -> syntax("The number of params does not match the query's ? placeholders.");
            case 90008, 22018, 22007, 90009 -> syntax("Invalid value for a parameter or literal: " + name + ".");
            default -> syntax("Invalid or unsupported search. " + firstLine(e.getMessage()));
        };
    }

    private static String firstQuoted(String message) {
        Matcher matcher = QUOTED.matcher(message == null ? "" : message);
        return matcher.find() ? matcher.group(1).toLowerCase(Locale.ROOT) : "";
    }

    /** H2 marks the failing spot with [*]; that spot is useful, H2's own SQL text around it is not NetSuite's. */
    private static String parseHint(String message) {
        String text = firstQuoted(message);
        int mark = text.indexOf("[*]");
        if (mark < 0) {
            return "";
        }
        String near = text.substring(mark + 3).strip();
        return "Near: '" + (near.length() > 40 ? near.substring(0, 40) : near) + "'.";
    }

    private static String firstLine(String message) {
        if (message == null) {
            return "";
        }
        int cut = message.indexOf(';');
        return cut < 0 ? message : message.substring(0, cut);
    }
}
