package dev.nsbridge.sandbox.klaviyo;

import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.List;

/**
 * Klaviyo's filter syntax ({@code ?filter=}): {@code operator(field,value)} terms, joined by {@code and(…)} or by
 * top-level commas. Each endpoint decides which fields and operators it allows; this class only reads the terms.
 * Values are quoted strings ({@code "a"} or {@code 'a'}), unquoted ISO 8601 date-times, numbers, booleans, or
 * lists such as {@code ["a","b"]}.
 */
final class FilterTerms {
    private FilterTerms() {
    }

    /** One {@code operator(field,value)} term. */
    record Term(String operator, String field, String value) {
        String text() {
            return unquote(value);
        }

        /** The items of a list value, unquoted: {@code ["a","b"]}; a single value counts as a list of one. */
        List<String> list() {
            if (!value.startsWith("[") || !value.endsWith("]")) {
                return List.of(text());
            }
            return splitTopLevel(value.substring(1, value.length() - 1)).stream().map(String::trim)
                    .filter(item -> !item.isEmpty()).map(FilterTerms::unquote).toList();
        }

        Instant instant() {
            String text = text();
            try {
                return OffsetDateTime.parse(text).toInstant();
            } catch (DateTimeParseException e) {
                try {
                    return Instant.parse(text + (text.length() == 19 ? "Z" : ""));
                } catch (DateTimeParseException again) {
                    throw invalid("'" + text + "' is not an ISO 8601 date-time.");
                }
            }
        }

        /** The refusal for a field or operator the endpoint does not allow. */
        KlaviyoApiException unsupported() {
            return invalid("'" + operator + "' is not a valid operator for '" + field + "' here.");
        }
    }

    /** The terms of a filter, {@code and(…)} flattened; empty for no filter. */
    static List<Term> parse(String filter) {
        List<Term> terms = new ArrayList<>();
        if (filter != null && !filter.isBlank()) {
            for (String term : splitTopLevel(filter.trim())) {
                collect(term.trim(), terms);
            }
        }
        return terms;
    }

    private static void collect(String term, List<Term> terms) {
        int open = term.indexOf('(');
        if (open < 0 || !term.endsWith(")")) {
            throw invalid("Cannot read the filter term '" + term + "'.");
        }
        String operator = term.substring(0, open).trim();
        List<String> arguments = splitTopLevel(term.substring(open + 1, term.length() - 1));
        if (operator.equals("and")) {
            arguments.forEach(argument -> collect(argument.trim(), terms));
            return;
        }
        if (operator.equals("has") && arguments.size() == 1) {
            // has(profile): a relationship is present; the one operator that takes no value.
            terms.add(new Term(operator, arguments.get(0).trim(), ""));
            return;
        }
        if (arguments.size() != 2) {
            throw invalid("'" + operator + "' takes a field and a value.");
        }
        terms.add(new Term(operator, arguments.get(0).trim(), arguments.get(1).trim()));
    }

    static String unquote(String value) {
        if (value.length() >= 2 && (value.startsWith("\"") && value.endsWith("\"")
                || value.startsWith("'") && value.endsWith("'"))) {
            return value.substring(1, value.length() - 1);
        }
        return value;
    }

    /** Splits on commas that are outside brackets, parentheses and quotes. */
    private static List<String> splitTopLevel(String text) {
        List<String> parts = new ArrayList<>();
        int depth = 0;
        char quote = 0;
        int start = 0;
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            if (quote != 0) {
                quote = c == quote ? 0 : quote;
            } else if (c == '"' || c == '\'') {
                quote = c;
            } else if (c == '(' || c == '[') {
                depth++;
            } else if (c == ')' || c == ']') {
                depth--;
            } else if (c == ',' && depth == 0) {
                parts.add(text.substring(start, i));
                start = i + 1;
            }
        }
        parts.add(text.substring(start));
        return parts;
    }

    static KlaviyoApiException invalid(String detail) {
        return new KlaviyoApiException(ApiError.invalidParameter(detail, "filter"));
    }

    /** Turns a comparison operator into a test of {@code compareTo}'s result; null for other operators. */
    static java.util.function.IntPredicate comparison(String operator) {
        return switch (operator) {
            case "greater-than" -> c -> c > 0;
            case "greater-or-equal" -> c -> c >= 0;
            case "less-than" -> c -> c < 0;
            case "less-or-equal" -> c -> c <= 0;
            default -> null;
        };
    }
}
