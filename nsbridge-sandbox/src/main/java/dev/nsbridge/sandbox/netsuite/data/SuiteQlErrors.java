package dev.nsbridge.sandbox.netsuite.data;

import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * NetSuite's own texts for refused queries (reference §5). What follows "Unknown identifier 'x'." on a live account
 * is not documented, so the sandbox stops there; clients should match the start of the text.
 *
 * <p>NetSuite speaks of the query its user sent. The engine here runs a rewritten one (display names, TOP, dates,
 * paging), so nothing of the engine's message is passed on as it stands: a name or a value is quoted only when the
 * user's query or params hold it, and every other refusal gets the sandbox's own words.
 */
final class SuiteQlErrors {
    static final String INVALID_PARAMETER = "INVALID_PARAMETER";
    private static final String PREFIX = "Invalid search query. Detailed unprocessed description follows. ";
    private static final String PARSE_FAILED = "Parse of query string failed.";
    private static final Pattern QUOTED = Pattern.compile("\"([^\"]+)\"");
    private static final int MAX_NEAR = 40;

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

    /** Maps the engine's refusal of the rewritten query to NetSuite's words about {@code suiteQl}. */
    static SuiteQlException from(SQLException e, String suiteQl, List<String> params) {
        List<String> quoted = quoted(e.getMessage());
        String query = suiteQl.toLowerCase(Locale.ROOT);
        return switch (e.getErrorCode()) {
            // A name the user never wrote comes from a rewrite next to a spot the engine could not read.
            case 42122, 90022, 42_123 -> usersName(quoted, query).map(SuiteQlErrors::unknownIdentifier)
                    .orElseGet(() -> syntax(PARSE_FAILED));
            case 42102, 42103, 90079 -> usersName(quoted, query).map(SuiteQlErrors::unknownTable)
                    .orElseGet(() -> syntax(PARSE_FAILED));
            case 42000, 42001 -> syntax(PARSE_FAILED + near(e.getMessage(), query));
            case 90012 -> syntax("The number of params does not match the query's ? placeholders.");
            case 90008, 22018, 22007, 90009 -> syntax("Invalid value for a parameter or literal"
                    + usersValue(quoted, query, params).map(value -> ": " + value).orElse("") + ".");
            case 22012 -> syntax("Division by zero.");
            case 90016, 90054 -> syntax("An aggregate function or GROUP BY is used wrongly.");
            default -> syntax("Invalid or unsupported search.");
        };
    }

    private static List<String> quoted(String message) {
        List<String> all = new ArrayList<>();
        Matcher matcher = QUOTED.matcher(message == null ? "" : message);
        while (matcher.find()) {
            all.add(matcher.group(1));
        }
        return all;
    }

    /** The first quoted name, lower case, that the user's query holds as a word. */
    private static Optional<String> usersName(List<String> quoted, String query) {
        return quoted.stream().map(name -> name.toLowerCase(Locale.ROOT))
                .filter(name -> Pattern.compile("(?<![\\w.])" + Pattern.quote(name) + "(?![\\w.])").matcher(query)
                        .find())
                .findFirst();
    }

    /** The first quoted value that is one of the params or a string literal of the user's query. */
    private static Optional<String> usersValue(List<String> quoted, String query, List<String> params) {
        return quoted.stream()
                .filter(value -> params.contains(value)
                        || query.contains("'" + value.toLowerCase(Locale.ROOT).replace("'", "''") + "'"))
                .findFirst();
    }

    /**
     * The engine marks the failing spot with [*] in its own text of the query. What follows the mark is quoted only
     * as far as the user's query holds it word for word; an error at the end of the user's query, where the engine
     * sees the paging it appended, gets no hint.
     */
    private static String near(String message, String query) {
        String text = message == null ? "" : message;
        int mark = text.indexOf("[*]");
        if (mark < 0) {
            return "";
        }
        String after = text.substring(mark + 3);
        int quote = after.indexOf('"');
        String[] words = (quote < 0 ? after : after.substring(0, quote)).strip().split("\\s+");
        String near = "";
        for (String word : words) {
            String longer = near.isEmpty() ? word : near + " " + word;
            if (word.isEmpty() || longer.length() > MAX_NEAR || !query.contains(longer.toLowerCase(Locale.ROOT))) {
                break;
            }
            near = longer;
        }
        return near.isEmpty() ? "" : " Near: '" + near + "'.";
    }
}
