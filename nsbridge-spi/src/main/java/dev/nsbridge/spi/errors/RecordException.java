package dev.nsbridge.spi.errors;

/** See {@link NsbridgeException.Category#RECORD}. */
public final class RecordException extends NsbridgeException {
    public RecordException(String code, String message, String fix) {
        super(code, message, fix, null);
    }

    public RecordException(String code, String message, String fix, Throwable cause) {
        super(code, message, fix, cause);
    }

    @Override
    public Category category() {
        return Category.RECORD;
    }
}
