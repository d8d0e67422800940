package dev.nsbridge.sandbox.klaviyo;

import java.util.List;
import java.util.Map;

/** Ends a request with Klaviyo's error document; thrown anywhere in a handler, answered in one place. */
final class KlaviyoApiException extends RuntimeException {
    private final int status;
    private final List<ApiError> errors;
    private final Map<String, String> headers;

    KlaviyoApiException(int status, List<ApiError> errors, Map<String, String> headers) {
        super(errors.isEmpty() ? "status " + status : errors.get(0).detail(), null, false, false);
        this.status = status;
        this.errors = List.copyOf(errors);
        this.headers = Map.copyOf(headers);
    }

    KlaviyoApiException(ApiError error) {
        this(error.status(), List.of(error), Map.of());
    }

    static KlaviyoApiException invalid(String detail, String pointer) {
        return new KlaviyoApiException(ApiError.invalid(detail, pointer));
    }

    int status() {
        return status;
    }

    List<ApiError> errors() {
        return errors;
    }

    Map<String, String> headers() {
        return headers;
    }
}
