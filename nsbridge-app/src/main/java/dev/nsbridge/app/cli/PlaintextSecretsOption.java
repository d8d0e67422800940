package dev.nsbridge.app.cli;

import dev.nsbridge.engine.config.LoadOptions;
import picocli.CommandLine.Option;
import picocli.CommandLine.ScopeType;

/**
 * {@code --allow-plaintext}, the same on every command that loads {@code nsbridge.yaml}. A secret written as plain
 * text is refused unless the person running the command accepts it here, knowingly and each time.
 */
public final class PlaintextSecretsOption {
    // $${ is how picocli's help writes a literal ${, which it would otherwise read as a variable of its own.
    @Option(names = "--allow-plaintext", scope = ScopeType.INHERIT,
            description = "Accept secrets written as plain text in the configuration, with a warning, instead of"
                    + " refusing them. Prefer $${ENV_NAME} or an enc: value from nsbridge secret encrypt.")
    boolean allowPlaintext;

    /** How strictly the command loads the file. */
    LoadOptions loadOptions() {
        return LoadOptions.STRICT.allowingPlaintext(allowPlaintext);
    }
}
