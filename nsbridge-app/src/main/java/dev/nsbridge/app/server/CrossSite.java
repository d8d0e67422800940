package dev.nsbridge.app.server;

import io.javalin.http.Context;
import java.net.URI;
import java.util.Locale;
import java.util.Set;

/**
 * Refuses cross-site request forgery: a page on another origin (another port of the same host counts, which
 * SameSite cookies do not stop) making the browser send a state-changing request with the session cookie.
 * Browsers put an {@code Origin} header on every POST, PUT, PATCH and DELETE, and a page cannot forge it, so such a
 * request is accepted only when its Origin (or, absent one, its Referer) names this server. A request with no
 * session cookie (the API with {@code Authorization: Bearer}) is not at risk: a foreign page cannot make a browser
 * add that header without a CORS preflight, which this server never grants.
 */
final class CrossSite {
    private static final Set<String> CHANGING = Set.of("POST", "PUT", "PATCH", "DELETE");

    private CrossSite() {
    }

    /**
     * Whether to refuse the request. {@code browserSession} says the request would act on a browser's session (it
     * carries the cookie, or logs in), where an absent Origin is refused too; otherwise only a foreign one is.
     */
    static boolean refused(Context ctx, boolean browserSession) {
        if (!CHANGING.contains(ctx.method().name()) || bearer(ctx)) {
            return false;
        }
        String origin = ctx.header("Origin");
        String claimed = origin != null ? origin : ctx.header("Referer");
        if (claimed == null) {
            // The login form is also posted by scripts and curl, which send no Origin; logging in changes nothing.
            return browserSession && !ctx.path().equals("/login");
        }
        return !ownOrigin(claimed, ctx);
    }

    private static boolean bearer(Context ctx) {
        String header = ctx.header("Authorization");
        return header != null && header.regionMatches(true, 0, "Bearer ", 0, "Bearer ".length());
    }

    /**
     * Whether {@code claimed} (an origin or a full URL) is this server, as the browser addressed it: its host and
     * port are the Host header's, or those a reverse proxy says the browser used (X-Forwarded-Host, which a
     * foreign page cannot set either). The scheme is not compared, so TLS ended at a proxy still matches.
     */
    private static boolean ownOrigin(String claimed, Context ctx) {
        String authority;
        try {
            authority = URI.create(claimed.trim()).getRawAuthority();
        } catch (IllegalArgumentException e) {
            return false; // "null" and other opaque origins are never this server
        }
        if (authority == null || authority.contains("@")) {
            return false;
        }
        String own = authority.toLowerCase(Locale.ROOT);
        return own.equals(lower(ctx.header("Host"))) || own.equals(lower(firstForwardedHost(ctx)));
    }

    private static String firstForwardedHost(Context ctx) {
        String forwarded = ctx.header("X-Forwarded-Host");
        return forwarded == null ? null : forwarded.split(",", 2)[0].trim();
    }

    private static String lower(String text) {
        return text == null ? null : text.toLowerCase(Locale.ROOT);
    }
}
