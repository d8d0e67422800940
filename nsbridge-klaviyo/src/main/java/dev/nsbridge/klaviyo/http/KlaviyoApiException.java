package dev.nsbridge.klaviyo.http;

import dev.nsbridge.klaviyo.limits.Operation;
import java.util.List;
import java.util.Optional;

/**
 * What Klaviyo said when it refused a request, kept as the cause of the nsbridge error it was mapped to, so a caller
 * can read the parsed errors (such as a 409's duplicate profile id) while the error family stays the SPI's own.
 */
public final class KlaviyoApiException extends RuntimeException {
    private final Operation operation;
    private final int status;
    private final transient List<ApiError> errors;

    KlaviyoApiException(Operation operation, int status, List<ApiError> errors) {
        super(operation.describe() + " answered " + status, null, false, false);
        this.operation = operation;
        this.status = status;
        this.errors = List.copyOf(errors);
    }

    /** The Klaviyo error behind an nsbridge error, if that is where it came from. */
    public static Optional<KlaviyoApiException> in(Throwable error) {
        for (Throwable cause = error; cause != null; cause = cause.getCause()) {
            if (cause instanceof KlaviyoApiException klaviyo) {
                return Optional.of(klaviyo);
            }
        }
        return Optional.empty();
    }

    public Operation operation() {
        return operation;
    }

    public int status() {
        return status;
    }

    public List<ApiError> errors() {
        return errors;
    }

    /** A 409 {@code duplicate_profile}: the id of the profile that already has this email or phone number. */
    public Optional<String> duplicateProfileId() {
        return errors.stream().map(ApiError::duplicateProfileId).filter(id -> id != null).findFirst();
    }
}
