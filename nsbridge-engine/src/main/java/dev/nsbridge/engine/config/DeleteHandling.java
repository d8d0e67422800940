package dev.nsbridge.engine.config;

import java.util.Locale;

/** What a destination does with a record the source deleted. Wire values are lower case. */
public enum DeleteHandling {
    /** Keep the row and mark it deleted, so history and joins still find it. */
    FLAG,
    /** Delete the row. */
    REMOVE;

    public String wireName() {
        return name().toLowerCase(Locale.ROOT);
    }
}
