package dev.nsbridge.sandbox.klaviyo;

import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.function.Predicate;

/**
 * Klaviyo's filter syntax for {@code GET /api/profiles}: {@code op(field,value)} terms, joined by {@code and(…)} or
 * by top-level commas. Supports the fields and operators the spec lists for profiles except list suppressions.
 */
final class ProfileFilter {
    private static final String SUPPRESSION_TIMESTAMP = "subscriptions.email.marketing.suppression.timestamp";
    private static final String SUPPRESSION_REASON = "subscriptions.email.marketing.suppression.reason";

    private ProfileFilter() {
    }

    static Predicate<StoredProfile> parse(String filter) {
        if (filter == null || filter.isBlank()) {
            return profile -> true;
        }
        Predicate<StoredProfile> all = profile -> true;
        for (String term : splitTopLevel(filter.trim())) {
            all = all.and(term(term.trim()));
        }
        return all;
    }

    private static Predicate<StoredProfile> term(String term) {
        int open = term.indexOf('(');
        if (open < 0 || !term.endsWith(")")) {
            throw invalid("Cannot read the filter term '" + term + "'.");
        }
        String operator = term.substring(0, open);
        List<String> arguments = splitTopLevel(term.substring(open + 1, term.length() - 1));
        if (operator.equals("and")) {
            return arguments.stream().map(argument -> term(argument.trim())).reduce(p -> true, Predicate::and);
        }
        if (arguments.size() != 2) {
            throw invalid("'" + operator + "' takes a field and a value.");
        }
        String field = arguments.get(0).trim();
        String value = arguments.get(1).trim();
        return switch (operator) {
            case "equals" -> equalsTerm(field, unquote(value));
            case "any" -> anyTerm(field, value);
            case "greater-than" -> compare(field, value, c -> c > 0);
            case "greater-or-equal" -> compare(field, value, c -> c >= 0);
            case "less-than" -> compare(field, value, c -> c < 0);
            case "less-or-equal" -> compare(field, value, c -> c <= 0);
            default -> throw invalid("The operator '" + operator + "' is not supported for profiles.");
        };
    }

    private static Predicate<StoredProfile> equalsTerm(String field, String value) {
        return switch (field) {
            case "id" -> profile -> profile.id.equals(value);
            case "email" -> profile -> value.equalsIgnoreCase(Objects.toString(profile.text("email"), ""));
            case "phone_number", "external_id" -> profile -> value.equals(profile.text(field));
            case SUPPRESSION_REASON -> profile -> profile.suppressions.stream()
                    .anyMatch(s -> s.reason().name().equals(value));
            default -> throw invalid("The field '" + field + "' cannot be filtered with 'equals'.");
        };
    }

    private static Predicate<StoredProfile> anyTerm(String field, String list) {
        if (!list.startsWith("[") || !list.endsWith("]")) {
            throw invalid("'any' takes a list such as [\"a\",\"b\"].");
        }
        return splitTopLevel(list.substring(1, list.length() - 1)).stream()
                .map(value -> equalsTerm(field, unquote(value.trim()))).reduce(p -> false, Predicate::or);
    }

    private static Predicate<StoredProfile> compare(String field, String value,
                                                    java.util.function.IntPredicate accept) {
        Instant bound = instant(value);
        return switch (field) {
            case "created" -> profile -> accept.test(profile.created.compareTo(bound));
            case "updated" -> profile -> accept.test(profile.updated.compareTo(bound));
            case SUPPRESSION_TIMESTAMP -> profile -> profile.suppressions.stream()
                    .anyMatch(s -> accept.test(s.timestamp().compareTo(bound)));
            default -> throw invalid("The field '" + field + "' cannot be compared.");
        };
    }

    private static Instant instant(String value) {
        String text = unquote(value);
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

    private static String unquote(String value) {
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

    private static KlaviyoApiException invalid(String detail) {
        return new KlaviyoApiException(ApiError.invalidParameter(detail, "filter"));
    }
}
