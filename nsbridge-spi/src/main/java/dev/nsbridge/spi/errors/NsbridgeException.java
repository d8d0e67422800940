package dev.nsbridge.spi.errors;

import java.util.Objects;
import java.util.Optional;

/**
 * Every failure nsbridge reports. The subclass says what to do next; {@link #code()} is stable for scripts;
 * {@link #fix()} tells a person what to change. Messages never carry a secret.
 */
public abstract sealed class NsbridgeException extends RuntimeException
        permits ConfigurationException, AuthenticationException, TransientException, RecordException,
        InternalException {

    private final String code;
    private final String fix;

    protected NsbridgeException(String code, String message, String fix, Throwable cause) {
        super(message, cause);
        this.code = Objects.requireNonNull(code, "code");
        this.fix = fix;
    }

    /** A stable, upper-case code such as {@code INVALID_LOGIN} or {@code CONFIG_INVALID_VALUE}. */
    public String code() {
        return code;
    }

    /** What a person should do about it, when that is known. */
    public Optional<String> fix() {
        return Optional.ofNullable(fix);
    }

    public abstract Category category();

    /** Whether trying the same thing again later may succeed. */
    public boolean retriable() {
        return category() == Category.TRANSIENT;
    }

    /** What kind of failure this is; each boundary maps categories to exit codes or HTTP statuses once. */
    public enum Category {
        /** Wrong configuration or usage: fix the input. */
        CONFIGURATION,
        /** Credentials refused or the account guarded: never retried. */
        AUTHENTICATION,
        /** Rate limits, timeouts, 5xx: try again. */
        TRANSIENT,
        /** One record refused; the run goes on. */
        RECORD,
        /** A bug or an unexpected answer. */
        INTERNAL
    }
}
