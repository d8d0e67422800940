package dev.nsbridge.engine.store;

import java.util.Arrays;
import java.util.Locale;

/** Whether a stored record error still needs attention. Wire values are lower case. */
public enum ErrorStatus {
    /** Refused and not yet sent successfully. */
    OPEN,
    /** Sent successfully on a retry, or dismissed by a person. */
    RESOLVED;

    public String wireName() {
        return name().toLowerCase(Locale.ROOT);
    }

    public static ErrorStatus fromWireName(String value) {
        return Arrays.stream(values()).filter(s -> s.wireName().equals(value)).findFirst()
                .orElseThrow(() -> new IllegalArgumentException("unknown error status " + value));
    }
}
