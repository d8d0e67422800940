package dev.nsbridge.sandbox.netsuite.auth;

import dev.nsbridge.sandbox.netsuite.NetSuiteSandbox;
import java.net.URI;
import java.security.SecureRandom;
import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.function.Supplier;

/**
 * The one door for logins: checks TBA headers, bearer tokens and token requests, applies the user's lockout and
 * writes every attempt, with its real reason, to the login audit trail. Callers only learn yes or no.
 */
public final class Authenticator {
    private final TbaVerifier tba;
    private final TokenService tokens;
    private final Lockouts lockouts = new Lockouts();
    private final LoginAuditTrail trail;
    private final Clock clock;

    /**
     * @param tokenUrl the token endpoint's URL (an assertion's {@code aud}); a supplier because it holds the port,
     *                 which is known only once the server listens
     */
    public Authenticator(String accountId, NetSuiteSandbox.Tba tba, String clientId, Supplier<URI> tokenUrl,
                         List<MappedCertificate> certificates, Clock clock, SecureRandom random,
                         LoginAuditTrail trail) {
        this.tba = new TbaVerifier(accountId, tba, clock);
        this.tokens = new TokenService(clientId, tokenUrl, certificates, clock, random);
        this.trail = trail;
        this.clock = clock;
    }

    /** The outcome of a REST call's login; {@code bearer} says which challenge a refusal answers with. */
    public record Login(boolean accepted, boolean bearer) {
    }

    /** Checks the credentials of a REST call (TBA or a bearer token). */
    public Login checkRequest(RequestFacts request) {
        String authorization = request.authorization();
        if (authorization != null && authorization.regionMatches(true, 0, "Bearer ", 0, 7)) {
            Verdict verdict = tokens.checkBearer(authorization.substring(7).trim());
            return new Login(settle("BEARER", verdict), true);
        }
        if (authorization != null && authorization.regionMatches(true, 0, "OAuth ", 0, 6)) {
            return new Login(settle("TBA", tba.verify(request)), false);
        }
        String reason = authorization == null ? "no Authorization header" : "unsupported authorization scheme";
        return new Login(settle("NONE", Verdict.refuse(false, reason)), false);
    }

    /**
     * Answers the token endpoint: a new access token, or the OAuth 2.0 error of the refusal. A locked user is
     * refused with invalid_grant, whatever the assertion, like any other refused grant.
     */
    public TokenAnswer requestToken(Map<String, String> form) {
        TokenService.Check check = tokens.verify(form);
        if (settle("OAUTH2_TOKEN", check.verdict())) {
            return TokenAnswer.issued(tokens.issue());
        }
        return TokenAnswer.refused(check.refusal() == null ? TokenRefusal.INVALID_GRANT : check.refusal());
    }

    private boolean settle(String method, Verdict verdict) {
        Instant now = clock.instant();
        // A locked user is refused even with good credentials; a request that names nobody is refused on its own
        // merits and, naming nobody, cannot lock anybody out.
        synchronized (lockouts) {
            if (verdict.namesTheUser() && lockouts.isLocked(now)) {
                trail.record(new LoginAttempt(now, method, false, "user locked out after repeated failed logins"));
                return false;
            }
            if (verdict.accepted()) {
                lockouts.succeeded();
            } else if (verdict.namesTheUser()) {
                lockouts.failed(now);
            }
        }
        trail.record(new LoginAttempt(now, method, verdict.accepted(), verdict.reason()));
        return verdict.accepted();
    }
}
