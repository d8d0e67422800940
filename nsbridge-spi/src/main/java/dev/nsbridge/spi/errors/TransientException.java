package dev.nsbridge.spi.errors;

import java.time.Duration;
import java.util.Optional;

/** See {@link NsbridgeException.Category#TRANSIENT}; carries the wait the other side asked for, if any. */
public final class TransientException extends NsbridgeException {
    private final Duration retryAfter;

    public TransientException(String code, String message, Duration retryAfter, Throwable cause) {
        super(code, message, null, cause);
        this.retryAfter = retryAfter;
    }

    public TransientException(String code, String message) {
        this(code, message, null, null);
    }

    public Optional<Duration> retryAfter() {
        return Optional.ofNullable(retryAfter);
    }

    @Override
    public Category category() {
        return Category.TRANSIENT;
    }
}
