package dev.nsbridge.spi.connection;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;

/**
 * What a connection's check found, for a person and for scripts.
 *
 * @param passed  whether nothing failed (warnings allowed)
 * @param text    what a person reads, one or more lines ending in a line break
 * @param details the same for scripts, in order: values are strings, numbers, booleans, lists and maps, as JSON
 *                has them
 */
public record CheckResult(boolean passed, String text, Map<String, Object> details) {
    public CheckResult {
        Objects.requireNonNull(text, "text");
        details = Collections.unmodifiableMap(new LinkedHashMap<>(details));
    }

    /** A check that passed, with one detail line: what was reached. */
    public static CheckResult passed(String text, Map<String, Object> details) {
        return new CheckResult(true, text, details);
    }

    /** A check that failed: what failed and, when known, the fix. */
    public static CheckResult failed(String message, String fix) {
        Map<String, Object> details = new LinkedHashMap<>();
        details.put("detail", message);
        if (fix != null) {
            details.put("fix", fix);
        }
        return new CheckResult(false, "  [failed ] " + message + (fix == null ? "" : "\n            fix: " + fix)
                + "\n", details);
    }
}
