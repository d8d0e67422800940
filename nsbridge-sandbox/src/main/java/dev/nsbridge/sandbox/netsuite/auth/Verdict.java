package dev.nsbridge.sandbox.netsuite.auth;

/**
 * What one credential check decided, before lockouts are applied.
 *
 * @param accepted     the credentials are good
 * @param namesTheUser the request named the sandbox's user (its token, its client id or a token issued to it), so a
 *                     failure counts towards that user's lockout; a request naming nobody cannot lock anybody out
 * @param reason       why it was refused, for the login audit trail only: never on the wire, never a secret
 */
record Verdict(boolean accepted, boolean namesTheUser, String reason) {
    static Verdict accept() {
        return new Verdict(true, true, "");
    }

    static Verdict refuse(boolean namesTheUser, String reason) {
        return new Verdict(false, namesTheUser, reason);
    }
}
