package dev.nsbridge.sandbox.netsuite.auth;

import java.time.Instant;

/**
 * One line of the login audit trail, NetSuite's only place for the real reason of a refused login.
 *
 * @param at       the sandbox clock's time of the attempt
 * @param method   {@code TBA}, {@code OAUTH2_TOKEN} (the token endpoint) or {@code BEARER}
 * @param accepted whether the login succeeded
 * @param reason   why it was refused (empty when accepted); never holds a secret
 */
public record LoginAttempt(Instant at, String method, boolean accepted, String reason) {
}
