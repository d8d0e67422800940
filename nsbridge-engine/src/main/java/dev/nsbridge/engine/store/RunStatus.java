package dev.nsbridge.engine.store;

import java.util.Arrays;
import java.util.Locale;

/** How a run stands or ended. Wire values (in the store and the API) are lower case. */
public enum RunStatus {
    /** Under way. */
    RUNNING,
    /** Every record read was written. */
    SUCCEEDED,
    /** The run finished but the destination refused some records; they wait in the error store. */
    SUCCEEDED_WITH_ERRORS,
    /** A rate limit, timeout or outage stopped it; running again later should work. */
    FAILED_RETRIABLE,
    /** Configuration, credentials or a bug stopped it; a person must act before it runs again. */
    FAILED,
    /** Stopped on request. */
    CANCELLED;

    public String wireName() {
        return name().toLowerCase(Locale.ROOT);
    }

    public static RunStatus fromWireName(String value) {
        return Arrays.stream(values()).filter(s -> s.wireName().equals(value)).findFirst()
                .orElseThrow(() -> new IllegalArgumentException("unknown run status " + value));
    }

    public boolean finished() {
        return this != RUNNING;
    }
}
