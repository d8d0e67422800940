package dev.nsbridge.spi.errors;

/** See {@link NsbridgeException.Category#CONFIGURATION}. */
public final class ConfigurationException extends NsbridgeException {
    public ConfigurationException(String code, String message, String fix) {
        super(code, message, fix, null);
    }

    public ConfigurationException(String code, String message, String fix, Throwable cause) {
        super(code, message, fix, cause);
    }

    @Override
    public Category category() {
        return Category.CONFIGURATION;
    }
}
