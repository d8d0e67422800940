package dev.nsbridge.netsuite.records;

import java.util.Locale;

/** The records nsbridge writes through the REST records API. */
public enum RecordType {
    CUSTOMER, CONTACT;

    /** The path segment, e.g. {@code customer}. */
    public String wireName() {
        return name().toLowerCase(Locale.ROOT);
    }
}
