package dev.nsbridge.sandbox.netsuite.auth;

/**
 * How the token endpoint refuses a request: OAuth 2.0's error values (RFC 6749 §5.2), with the status codes
 * Oracle documents for NetSuite's token endpoint (subsect_158521832417). Oracle writes up the errors of the
 * authorization code grant only; for client credentials the sandbox picks from the same table: a malformed form is
 * invalid_request, a grant other than client_credentials unsupported_grant_type, an assertion that does not
 * authenticate the client (unknown client id or certificate, a signature that does not verify) invalid_client as
 * RFC 7523 §3.2 asks, an authenticated assertion whose claims are refused invalid_grant (Oracle: an expired one
 * answers invalid_grant, section_162755359851), and a scope without rest_webservices invalid_scope.
 */
public enum TokenRefusal {
    INVALID_REQUEST("invalid_request", 400),
    UNSUPPORTED_GRANT_TYPE("unsupported_grant_type", 400),
    INVALID_CLIENT("invalid_client", 401),
    INVALID_GRANT("invalid_grant", 400),
    INVALID_SCOPE("invalid_scope", 400);

    private final String error;
    private final int status;

    TokenRefusal(String error, int status) {
        this.error = error;
        this.status = status;
    }

    /** The {@code error} value of the answer. */
    public String error() {
        return error;
    }

    public int status() {
        return status;
    }
}
