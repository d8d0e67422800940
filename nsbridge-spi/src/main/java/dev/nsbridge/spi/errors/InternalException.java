package dev.nsbridge.spi.errors;

/** See {@link NsbridgeException.Category#INTERNAL}. */
public final class InternalException extends NsbridgeException {
    public InternalException(String code, String message, String fix) {
        super(code, message, fix, null);
    }

    public InternalException(String code, String message, String fix, Throwable cause) {
        super(code, message, fix, cause);
    }

    @Override
    public Category category() {
        return Category.INTERNAL;
    }
}
