package dev.nsbridge.klaviyo.profiles;

import dev.nsbridge.klaviyo.http.JsonApi;
import dev.nsbridge.spi.errors.RecordException;
import java.time.Instant;
import java.util.Arrays;
import java.util.stream.Collectors;

/**
 * A {@code filter} for {@code GET /api/profiles}, built only from the fields and operators the spec allows there.
 *
 * <p>Safe against hostile values: field names and operators come from enums, datetimes are formatted by us, and a
 * text value is quoted. Klaviyo documents no escape inside a quoted string, so a value holding a double quote, a
 * backslash or a control character is refused rather than escaped in a way Klaviyo might read differently; the
 * expression is then percent-encoded as a whole when the query string is built.
 */
public final class ProfileFilter {
    private final String expression;

    private ProfileFilter(String expression) {
        this.expression = expression;
    }

    /** Fields that take {@code equals} (and {@code any}) with a text value. */
    public enum TextField {
        ID("id"), EMAIL("email"), PHONE_NUMBER("phone_number"), EXTERNAL_ID("external_id");

        private final String wire;

        TextField(String wire) {
            this.wire = wire;
        }
    }

    /** Fields that take time comparisons. */
    public enum TimeField {
        CREATED("created", false),
        UPDATED("updated", false),
        EMAIL_SUPPRESSION_TIMESTAMP("subscriptions.email.marketing.suppression.timestamp", true),
        EMAIL_LIST_SUPPRESSION_TIMESTAMP("subscriptions.email.marketing.list_suppressions.timestamp", true);

        private final String wire;
        private final boolean inclusiveAllowed;

        TimeField(String wire, boolean inclusiveAllowed) {
            this.wire = wire;
            this.inclusiveAllowed = inclusiveAllowed;
        }
    }

    /** Profiles whose email marketing was suppressed after {@code since}: the suppressions stream's filter. */
    public static ProfileFilter suppressedAfter(Instant since) {
        return greaterThan(TimeField.EMAIL_SUPPRESSION_TIMESTAMP, since);
    }

    public static ProfileFilter greaterThan(TimeField field, Instant value) {
        return new ProfileFilter("greater-than(" + field.wire + "," + JsonApi.instant(value) + ")");
    }

    public static ProfileFilter lessThan(TimeField field, Instant value) {
        return new ProfileFilter("less-than(" + field.wire + "," + JsonApi.instant(value) + ")");
    }

    /** {@code greater-or-equal}: only the suppression timestamps allow it. */
    public static ProfileFilter greaterOrEqual(TimeField field, Instant value) {
        if (!field.inclusiveAllowed) {
            throw new IllegalArgumentException(field.wire + " does not allow greater-or-equal in Klaviyo's spec");
        }
        return new ProfileFilter("greater-or-equal(" + field.wire + "," + JsonApi.instant(value) + ")");
    }

    public static ProfileFilter equalTo(TextField field, String value) {
        return new ProfileFilter("equals(" + field.wire + "," + quoted(value) + ")");
    }

    /**
     * Profiles whose {@code field} is one of {@code values}: Klaviyo's {@code any(field,["a","b"])}, which the
     * 2026-07-15 spec allows on id, email, phone_number and external_id. At most 100 values, a page's most, so one
     * page answers for all of them when each identifies one profile.
     */
    public static ProfileFilter anyOf(TextField field, java.util.Collection<String> values) {
        if (values.isEmpty() || values.size() > 100) {
            throw new IllegalArgumentException("any(…) takes 1 to 100 values, was " + values.size());
        }
        return new ProfileFilter("any(" + field.wire + ",[" + values.stream().map(ProfileFilter::quoted)
                .collect(Collectors.joining(",")) + "])");
    }

    /** All of the given conditions; Klaviyo's {@code and(…)}. */
    public static ProfileFilter allOf(ProfileFilter... filters) {
        if (filters.length == 0) {
            throw new IllegalArgumentException("allOf needs at least one filter");
        }
        return filters.length == 1 ? filters[0] : new ProfileFilter(
                "and(" + Arrays.stream(filters).map(f -> f.expression).collect(Collectors.joining(",")) + ")");
    }

    /** The expression as Klaviyo reads it, before percent-encoding. */
    public String expression() {
        return expression;
    }

    @Override
    public String toString() {
        return expression;
    }

    private static String quoted(String value) {
        if (value == null) {
            throw new IllegalArgumentException("a filter value must not be null");
        }
        for (int i = 0; i < value.length(); i++) {
            char c = value.charAt(i);
            if (c == '"' || c == '\\' || Character.isISOControl(c)) {
                throw new RecordException("KLAVIYO_FILTER_VALUE", "A value holding a double quote, backslash or "
                        + "control character cannot be used in a Klaviyo filter",
                        "Correct the value at its source (position " + i + " of the value).");
            }
        }
        return "\"" + value + "\"";
    }
}
