package dev.nsbridge.engine.config;

import java.util.Objects;

/**
 * One error or warning in a configuration file, rendered as
 * {@code nsbridge.yaml line 14: extracts.orders.load_method: 'upsert' is not one of ...; did you mean merge?}.
 *
 * @param file     the file's name as a person knows it
 * @param line     1-based; 0 when the problem has no line (the file cannot be read)
 * @param path     the key path, dot-separated, e.g. {@code extracts.orders.load_method}
 * @param message  what is wrong; quotes the value only when it is not a secret
 * @param fix      what to change
 * @param severity an error stops the load; a warning does not
 */
public record ConfigIssue(String file, int line, String path, String message, String fix, Severity severity) {
    public ConfigIssue {
        Objects.requireNonNull(file, "file");
        Objects.requireNonNull(path, "path");
        Objects.requireNonNull(message, "message");
        Objects.requireNonNull(fix, "fix");
        Objects.requireNonNull(severity, "severity");
    }

    /** Whether the issue stops the configuration from loading. */
    public enum Severity { ERROR, WARNING }

    public String render() {
        String where = line > 0 ? file + " line " + line : file;
        String prefix = severity == Severity.WARNING ? "warning: " : "";
        return prefix + where + ": " + path + ": " + message + "; " + fix;
    }

    @Override
    public String toString() {
        return render();
    }
}
