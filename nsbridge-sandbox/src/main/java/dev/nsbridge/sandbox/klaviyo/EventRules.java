package dev.nsbridge.sandbox.klaviyo;

import com.fasterxml.jackson.databind.JsonNode;
import java.nio.charset.StandardCharsets;
import java.util.Currency;
import java.util.Iterator;
import java.util.Map;
import java.util.regex.Pattern;

/**
 * What Klaviyo checks in an event beyond the spec's schema, each from Klaviyo's own words:
 * <ul>
 *   <li>Properties: "must not exceed 400 properties … each string cannot be larger than 100 KB" (the spec's
 *       description of {@code properties}); the ingestion limits of developers.klaviyo.com/en/docs/
 *       rate-limits-and-error-handling add "Max number of items in arrays: 4000" and "Max levels of nested objects:
 *       10". Klaviyo publishes no error text for these; the sandbox answers 400 {@code invalid} pointing at the
 *       value. 100 KB is read as 100 × 1,024 bytes of UTF-8, the unit the spec's other payload limits use.</li>
 *   <li>{@code value_currency}: "The ISO 4217 currency code of the value" (the spec); a code the JDK's ISO 4217
 *       table does not know, or not three capital letters, is refused.</li>
 *   <li>The profile: "at least one profile identifier (e.g., id, email, or phone_number)" (the spec's description of
 *       {@code POST /api/event-bulk-create-jobs}); checked before a bulk job is queued, so the request fails whole.
 *       The sandbox keeps no anonymous ids, so {@code anonymous_id} alone does not count.</li>
 * </ul>
 */
final class EventRules {
    static final int MAX_PROPERTIES = 400;
    static final int MAX_STRING_BYTES = 100 * 1024;
    static final int MAX_ARRAY_ITEMS = 4_000;
    static final int MAX_NESTING = 10;
    private static final Pattern CURRENCY = Pattern.compile("[A-Z]{3}");

    private EventRules() {
    }

    static void checkProperties(JsonNode properties, String pointer) {
        if (properties.size() > MAX_PROPERTIES) {
            throw KlaviyoApiException.invalid("An event may carry up to 400 properties.", pointer);
        }
        checkValue(properties, pointer, 0);
    }

    private static void checkValue(JsonNode value, String pointer, int depth) {
        if (value.isTextual()) {
            if (value.textValue().length() * 3 > MAX_STRING_BYTES
                    && value.textValue().getBytes(StandardCharsets.UTF_8).length > MAX_STRING_BYTES) {
                throw KlaviyoApiException.invalid("A single string cannot be larger than 100KB.", pointer);
            }
        } else if (value.isArray()) {
            if (value.size() > MAX_ARRAY_ITEMS) {
                throw KlaviyoApiException.invalid("An array may hold up to 4000 items.", pointer);
            }
            for (int i = 0; i < value.size(); i++) {
                checkValue(value.get(i), pointer + "/" + i, depth);
            }
        } else if (value.isObject()) {
            if (depth > MAX_NESTING) {
                throw KlaviyoApiException.invalid("Properties may be nested up to 10 levels.", pointer);
            }
            Iterator<Map.Entry<String, JsonNode>> fields = value.fields();
            while (fields.hasNext()) {
                Map.Entry<String, JsonNode> field = fields.next();
                checkValue(field.getValue(), pointer + "/" + escape(field.getKey()), depth + 1);
            }
        }
    }

    static void checkCurrency(JsonNode attributes, String pointer) {
        JsonNode currency = attributes.get("value_currency");
        if (currency == null || currency.isNull()) {
            return;
        }
        String code = currency.asText();
        if (!CURRENCY.matcher(code).matches() || !known(code)) {
            throw KlaviyoApiException.invalid("'" + code + "' is not an ISO 4217 currency code.",
                    pointer + "/value_currency");
        }
    }

    private static boolean known(String code) {
        try {
            Currency.getInstance(code);
            return true;
        } catch (IllegalArgumentException e) {
            return false;
        }
    }

    /** An event's profile: its {@code id}, or an email, phone number or external id. */
    static void checkProfileIdentifier(JsonNode profile, String pointer) {
        JsonNode attributes = profile.path("attributes");
        boolean identified = profile.hasNonNull("id") || ProfileBook.present(attributes, "email")
                || ProfileBook.present(attributes, "phone_number") || ProfileBook.present(attributes, "external_id");
        if (!identified) {
            throw KlaviyoApiException.invalid("The profile needs at least one identifier: id, email, phone_number "
                    + "or external_id.", pointer);
        }
    }

    /** JSON Pointer escaping of a property name ({@code ~0}, {@code ~1}). */
    private static String escape(String key) {
        return key.replace("~", "~0").replace("/", "~1");
    }
}
