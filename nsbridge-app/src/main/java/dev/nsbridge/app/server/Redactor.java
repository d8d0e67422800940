package dev.nsbridge.app.server;

import java.util.Collection;
import java.util.Comparator;
import java.util.List;

/**
 * The last guard before text leaves the server: every secret the configuration holds is replaced by
 * {@value SafeSettings#HIDDEN}. Views never put a secret in on purpose; this catches one that slipped into a
 * remote system's error message or a stored payload.
 */
final class Redactor {
    /** Shorter values would match ordinary text (a one-letter password would blank out every such letter). */
    private static final int SHORTEST = 4;

    private final List<String> secrets;

    Redactor(Collection<String> secrets) {
        // Longest first, so a secret that contains another is replaced whole.
        this.secrets = secrets.stream().filter(s -> s != null && s.length() >= SHORTEST).distinct()
                .sorted(Comparator.comparingInt(String::length).reversed()).toList();
    }

    String scrub(String text) {
        String result = text;
        for (String secret : secrets) {
            if (result.contains(secret)) {
                result = result.replace(secret, SafeSettings.HIDDEN);
            }
        }
        return result;
    }
}
