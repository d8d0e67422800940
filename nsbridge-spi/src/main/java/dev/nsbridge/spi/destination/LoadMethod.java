package dev.nsbridge.spi.destination;

import java.util.Arrays;
import java.util.Locale;
import java.util.Optional;

/** How a warehouse table takes a run's rows. Wire values are lower case, as in {@code nsbridge.yaml}. */
public enum LoadMethod {
    /** Drop the table, create it anew from the stream's columns, load everything. */
    DROP_CREATE_LOAD,
    /** Keep the table, empty it, load everything. */
    TRUNCATE_LOAD,
    /** Add rows; incremental runs add only rows past the watermark. */
    APPEND,
    /** Upsert on the unique key: a changed row replaces its old version. */
    MERGE;

    public String wireName() {
        return name().toLowerCase(Locale.ROOT);
    }

    public static Optional<LoadMethod> fromWireName(String value) {
        return Arrays.stream(values()).filter(m -> m.wireName().equals(value)).findFirst();
    }
}
