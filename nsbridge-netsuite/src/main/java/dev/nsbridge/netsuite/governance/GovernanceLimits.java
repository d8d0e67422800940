package dev.nsbridge.netsuite.governance;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.nsbridge.spi.errors.InternalException;
import java.io.IOException;
import java.util.Optional;
import java.util.OptionalInt;

/**
 * The answer of {@code GET /services/rest/system/v1/governanceLimits}.
 *
 * @param integrationLimitType {@code integrationSpecific} when an admin reserved a share of the pool for this
 *                             integration, {@code accountLimit} when it shares the account's pool
 */
public record GovernanceLimits(OptionalInt accountConcurrencyLimit, OptionalInt accountUnallocatedConcurrencyLimit,
                               OptionalInt integrationConcurrencyLimit, Optional<String> integrationLimitType) {

    public static final String PATH = "/services/rest/system/v1/governanceLimits";

    public static GovernanceLimits parse(String body, ObjectMapper json) {
        try {
            JsonNode root = json.readTree(body);
            return new GovernanceLimits(number(root, "accountConcurrencyLimit"),
                    number(root, "accountUnallocatedConcurrencyLimit"), number(root, "integrationConcurrencyLimit"),
                    Optional.ofNullable(root.path("integrationLimitType").textValue()));
        } catch (IOException e) {
            throw new InternalException("GOVERNANCE_LIMITS_UNREADABLE",
                    "NetSuite's governanceLimits answer is not JSON", null, e);
        }
    }

    private static OptionalInt number(JsonNode root, String field) {
        JsonNode value = root.path(field);
        if (value.canConvertToInt()) {
            return OptionalInt.of(value.asInt());
        }
        // NetSuite writes most values as strings; accept "5" as well as 5.
        if (value.isTextual() && value.asText().matches("\\d{1,9}")) {
            return OptionalInt.of(Integer.parseInt(value.asText()));
        }
        return OptionalInt.empty();
    }

    /** The figures as NetSuite named them, for {@code nsbridge check}. */
    public String describe() {
        StringBuilder text = new StringBuilder("integrationLimitType=").append(integrationLimitType.orElse("?"));
        accountConcurrencyLimit.ifPresent(v -> text.append(", accountConcurrencyLimit=").append(v));
        accountUnallocatedConcurrencyLimit.ifPresent(v -> text.append(", accountUnallocatedConcurrencyLimit=").append(v));
        integrationConcurrencyLimit.ifPresent(v -> text.append(", integrationConcurrencyLimit=").append(v));
        return text.toString();
    }
}
