package dev.nsbridge.klaviyo.jobs;

import java.util.Locale;

/** A bulk job's state; Klaviyo's wire values are the lower-case names. */
public enum JobStatus {
    QUEUED, PROCESSING, COMPLETE, CANCELLED;

    static JobStatus fromWire(String value) {
        return valueOf(value.toUpperCase(Locale.ROOT));
    }

    /** Klaviyo will not change it any more. */
    public boolean finished() {
        return this == COMPLETE || this == CANCELLED;
    }
}
