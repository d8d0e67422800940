package dev.nsbridge.klaviyo.http;

import com.fasterxml.jackson.databind.JsonNode;
import dev.nsbridge.klaviyo.limits.Operation;
import dev.nsbridge.spi.errors.AuthenticationException;
import dev.nsbridge.spi.errors.ConfigurationException;
import dev.nsbridge.spi.errors.InternalException;
import dev.nsbridge.spi.errors.NsbridgeException;
import dev.nsbridge.spi.errors.RecordException;
import dev.nsbridge.spi.errors.TransientException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Collectors;

/** Klaviyo's refusals as nsbridge errors, in one place: each says what to do next. */
public final class KlaviyoErrors {
    private KlaviyoErrors() {
    }

    /** A final answer other than 2xx; 429 and 5xx arrive here only once retries are spent. */
    public static NsbridgeException map(Operation operation, int status, JsonNode body, Duration retryAfter) {
        List<ApiError> errors = parse(body, status);
        KlaviyoApiException cause = new KlaviyoApiException(operation, status, errors);
        String said = errors.isEmpty() ? "no error document"
                : errors.stream().map(ApiError::describe).collect(Collectors.joining("; "));
        String message = "Klaviyo refused " + operation.describe() + " (" + status + "): " + said;
        if (status == 401 || status == 403) {
            return new AuthenticationException(status == 401 ? "KLAVIYO_UNAUTHORIZED" : "KLAVIYO_FORBIDDEN", message,
                    "Create a private API key in Klaviyo (Settings > API keys) with the scope"
                            + (operation.scopes().size() > 1 ? "s " : " ") + String.join(", ", operation.scopes())
                            + " (the key needs these for " + operation.describe()
                            + "), and set it on the klaviyo connection.", cause);
        }
        if (status == 410) {
            return new ConfigurationException("KLAVIYO_API_RETIRED", "Klaviyo answered 410 Gone to "
                    + operation.describe() + ": the v1/v2 API (and any revision older than two years) is retired.",
                    "Use the current API under /api/ with revision " + KlaviyoHttp.REVISION
                            + " and a private API key; do not use /api/v1 or /api/v2 URLs or api_key parameters.", cause);
        }
        if (status == 429 || status >= 500) {
            return new TransientException(status == 429 ? "KLAVIYO_RATE_LIMITED" : "KLAVIYO_UNAVAILABLE",
                    message + " (retries spent)", retryAfter, cause);
        }
        if (status == 409 && cause.duplicateProfileId().isPresent()) {
            return new RecordException("KLAVIYO_DUPLICATE_PROFILE", message + "; the existing profile is "
                    + cause.duplicateProfileId().get(),
                    "Another Klaviyo profile already holds this email or phone number: update profile "
                            + cause.duplicateProfileId().get() + " instead, or correct the identifiers.", cause);
        }
        if (status == 404) {
            return new ConfigurationException("KLAVIYO_NOT_FOUND", message,
                    "Check the id in the configuration (list, job) exists in this Klaviyo account.", cause);
        }
        if (status == 400 || status == 409 || status == 413 || status == 422) {
            return new RecordException("KLAVIYO_" + codeOf(errors, status), message,
                    "Correct the record's value" + pointerHint(errors) + " and retry it.", cause);
        }
        return new InternalException("KLAVIYO_UNEXPECTED_STATUS", message,
                "Report this to nsbridge's maintainers with the run's log.", cause);
    }

    static List<ApiError> parse(JsonNode body, int status) {
        List<ApiError> errors = new ArrayList<>();
        if (body != null) {
            for (JsonNode error : body.path("errors")) {
                errors.add(ApiError.from(error, status));
            }
        }
        return errors;
    }

    private static String codeOf(List<ApiError> errors, int status) {
        String code = errors.isEmpty() || errors.get(0).code() == null ? Integer.toString(status) : errors.get(0).code();
        return code.toUpperCase(java.util.Locale.ROOT).replaceAll("[^A-Z0-9]+", "_");
    }

    private static String pointerHint(List<ApiError> errors) {
        return errors.stream().map(ApiError::pointer).filter(p -> p != null).findFirst().map(p -> " at " + p)
                .orElse("");
    }
}
