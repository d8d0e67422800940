package dev.nsbridge.spi.errors;

/** See {@link NsbridgeException.Category#AUTHENTICATION}. */
public final class AuthenticationException extends NsbridgeException {
    public AuthenticationException(String code, String message, String fix) {
        super(code, message, fix, null);
    }

    public AuthenticationException(String code, String message, String fix, Throwable cause) {
        super(code, message, fix, cause);
    }

    @Override
    public Category category() {
        return Category.AUTHENTICATION;
    }
}
