package dev.nsbridge.sandbox.netsuite.data;

/** A query or write NetSuite would refuse; the message is NetSuite's own detail text, ready for the wire. */
public final class SuiteQlException extends Exception {
    private final String errorCode;

    public SuiteQlException(String errorCode, String detail) {
        super(detail);
        this.errorCode = errorCode;
    }

    /** NetSuite's {@code o:errorCode}, e.g. {@code INVALID_PARAMETER}. */
    public String errorCode() {
        return errorCode;
    }
}
