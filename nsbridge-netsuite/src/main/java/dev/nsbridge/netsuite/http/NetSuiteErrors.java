package dev.nsbridge.netsuite.http;

import dev.nsbridge.spi.errors.AuthenticationException;
import dev.nsbridge.spi.errors.ConfigurationException;
import dev.nsbridge.spi.errors.InternalException;
import dev.nsbridge.spi.errors.NsbridgeException;
import dev.nsbridge.spi.errors.RecordException;
import java.util.Locale;

/** Turns a refusal from NetSuite into the nsbridge error that says what to do next; every status in one place. */
final class NetSuiteErrors {
    static final String AUDIT_TRAIL = "NetSuite shows the reason only in Setup > Users/Roles > User Management >"
            + " View Login Audit Trail";

    /** The code of every refused login (401). */
    static final String INVALID_LOGIN = "INVALID_LOGIN";
    /** The code of every refusal for lack of a permission (403), whatever NetSuite's own code was. */
    static final String INSUFFICIENT_PERMISSION = "INSUFFICIENT_PERMISSION";

    private NetSuiteErrors() {
    }

    /** A 401: the credentials (or the token made from them) were refused. */
    static AuthenticationException loginRefused(String account, String authMethod, NetSuiteError error) {
        // One stable code whatever NetSuite said (INVALID_LOGIN, INVALID_LOGIN_ATTEMPT, invalid_token): the wire
        // code stays in the message.
        return new AuthenticationException(INVALID_LOGIN, "NetSuite refused the login to account " + account + " ("
                + authMethod + "): " + error.summary(),
                "check the account id and the " + authMethod + " credentials; " + AUDIT_TRAIL
                        + " (bad signature, revoked token, clock skew, lockout)");
    }

    /** Any other refusal; {@code what} names the call, e.g. {@code SuiteQL query}. */
    static NsbridgeException refusal(String what, NetSuiteError error) {
        String message = "NetSuite refused the " + what + ": " + error.summary();
        return switch (error.status()) {
            case 400 -> new ConfigurationException(orDefault(error, "INVALID_PARAMETER"), message,
                    error.queryParam().map(p -> "fix the " + ("q".equals(p) ? "query" : "parameter '" + p + "'")
                            + " as NetSuite's text above says").orElse("fix the request as NetSuite's text above says"));
            case 403 -> new AuthenticationException(INSUFFICIENT_PERMISSION, message,
                    permissionFix(what));
            case 404 -> "NONEXISTENT_ID".equals(error.errorCode())
                    ? new RecordException("NONEXISTENT_ID", message, "the record was deleted or never existed")
                    : new ConfigurationException(orDefault(error, "NOT_FOUND"), message,
                            "check the account id and the record type; the path does not exist on this account");
            case 409, 412 -> new RecordException(orDefault(error, "CONFLICT"), message,
                    "the record changed or is locked in NetSuite; retry it later");
            default -> new InternalException(orDefault(error, "UNEXPECTED_ANSWER"), message,
                    "report this answer to the nsbridge maintainers");
        };
    }

    private static String permissionFix(String what) {
        String lower = what.toLowerCase(Locale.ROOT);
        if (lower.contains("governance")) {
            return "reading governanceLimits needs an administrator role; without it nsbridge uses the configured"
                    + " concurrency";
        }
        if (lower.contains("suiteql")) {
            return "give the token's role the \"REST Web Services\" and \"SuiteAnalytics Workbook\" permissions"
                    + " (Setup > Users/Roles > Manage Roles) and View permission on the records the query reads";
        }
        return "give the token's role the \"REST Web Services\" permission and the record's permission (Lists >"
                + " Customers or Contacts, level Edit for writes) under Setup > Users/Roles > Manage Roles";
    }

    private static String orDefault(NetSuiteError error, String fallback) {
        return error.errorCode().isEmpty() ? fallback : error.errorCode().toUpperCase(Locale.ROOT);
    }
}
