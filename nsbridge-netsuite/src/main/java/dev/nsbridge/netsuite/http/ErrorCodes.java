package dev.nsbridge.netsuite.http;

import dev.nsbridge.spi.errors.NsbridgeException;

/** The stable codes callers branch on; NetSuite's own codes stay in the messages. */
public final class ErrorCodes {
    /** NetSuite answered 401: the credentials or the token made from them were refused. */
    public static final String INVALID_LOGIN = NetSuiteErrors.INVALID_LOGIN;
    /** NetSuite answered 403: the login worked but the role lacks a permission. */
    public static final String INSUFFICIENT_PERMISSION = NetSuiteErrors.INSUFFICIENT_PERMISSION;
    /** The lockout guard refused the call without sending it. */
    public static final String LOGIN_GUARD = "LOGIN_GUARD";

    private ErrorCodes() {
    }

    /** Whether a failure says the role lacks a permission (rather than that the login failed). */
    public static boolean isPermission(NsbridgeException failure) {
        return INSUFFICIENT_PERMISSION.equals(failure.code());
    }
}
