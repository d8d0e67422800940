package dev.nsbridge.spi.source;

import java.util.Locale;

/** Full reads everything; incremental reads what changed since the committed state. */
public enum ReadMode {
    FULL, INCREMENTAL;

    public String wireName() {
        return name().toLowerCase(Locale.ROOT);
    }
}
