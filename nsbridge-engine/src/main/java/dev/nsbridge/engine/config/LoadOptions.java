package dev.nsbridge.engine.config;

/**
 * How strict a load is about secrets. The default refuses a secret written as plain text in the file and needs every
 * {@code ${ENV}} reference set; a command asks for less only when it says so.
 *
 * @param allowPlaintextSecrets a secret written in the file is a warning, not an error ({@code --allow-plaintext})
 * @param credentialsLater      an unset environment variable inside a connection leaves that connection without
 *                              credentials instead of stopping the load, for the commands that read only local
 *                              state; opening such a connection names the variables it lacks
 */
public record LoadOptions(boolean allowPlaintextSecrets, boolean credentialsLater) {
    /** What {@code run}, {@code check} and the server use: secrets from the environment or encrypted, all set. */
    public static final LoadOptions STRICT = new LoadOptions(false, false);

    public LoadOptions allowingPlaintext(boolean allow) {
        return new LoadOptions(allow, credentialsLater);
    }

    public LoadOptions withCredentialsLater() {
        return new LoadOptions(allowPlaintextSecrets, true);
    }
}
