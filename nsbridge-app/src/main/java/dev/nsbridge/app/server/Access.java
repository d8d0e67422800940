package dev.nsbridge.app.server;

import io.javalin.http.Context;
import java.util.Set;

/**
 * Who may in: a request with {@code Authorization: Bearer <admin token>}, or a browser with a session cookie from
 * logging in with that token. Everything else is refused: 401 for the API and /metrics, a redirect to the login
 * page for the UI. Only the health check, the login page and the UI's static code are open, and none holds data.
 * A browser's session cookie alone never changes anything: see {@link CrossSite}.
 */
final class Access {
    static final String COOKIE = "nsbridge_session";
    private static final String BEARER = "Bearer ";
    private static final Set<String> OPEN = Set.of("/health", "/login", "/ui/style.css");

    private final AdminToken token;
    private final Sessions sessions;
    private final Replies replies;
    private final boolean publicMetrics;

    Access(AdminToken token, Sessions sessions, Replies replies, boolean publicMetrics) {
        this.token = token;
        this.sessions = sessions;
        this.replies = replies;
        this.publicMetrics = publicMetrics;
    }

    /** A before-handler for every request. */
    void guard(Context ctx) {
        String path = ctx.path();
        if (CrossSite.refused(ctx, hasSession(ctx) || path.equals("/login"))) {
            replies.json(ctx, 403, HttpErrors.body("CROSS_SITE", "a request that changes something must come from"
                    + " this server's own pages (its Origin header was missing or another site's), or carry"
                    + " Authorization: Bearer <admin token>"));
            ctx.skipRemainingHandlers();
            return;
        }
        if (OPEN.contains(path) || (publicMetrics && path.equals("/metrics")) || allowed(ctx)) {
            return;
        }
        if (path.startsWith("/api/") || path.equals("/api") || path.equals("/metrics")) {
            ctx.header("WWW-Authenticate", "Bearer realm=\"nsbridge\"");
            replies.json(ctx, 401, HttpErrors.body("UNAUTHORIZED", "send Authorization: Bearer <admin token>, or"
                    + " log in at /login"));
        } else {
            ctx.redirect("/login");
        }
        ctx.skipRemainingHandlers();
    }

    boolean allowed(Context ctx) {
        String header = ctx.header("Authorization");
        if (header != null && header.regionMatches(true, 0, BEARER, 0, BEARER.length())) {
            return token.matches(header.substring(BEARER.length()));
        }
        return sessions.valid(ctx.cookie(COOKIE));
    }

    private static boolean hasSession(Context ctx) {
        String cookie = ctx.cookie(COOKIE);
        return cookie != null && !cookie.isEmpty();
    }

    /** Logs a browser in when the token is right; answers whether it was. */
    boolean logIn(Context ctx, String presented) {
        if (!token.matches(presented)) {
            return false;
        }
        // Set by hand: SameSite=Strict keeps other sites from riding the session, HttpOnly keeps scripts off it.
        ctx.header("Set-Cookie", COOKIE + "=" + sessions.open() + "; Path=/; Max-Age="
                + Sessions.LIFETIME.toSeconds() + "; HttpOnly; SameSite=Strict");
        return true;
    }

    void logOut(Context ctx) {
        sessions.close(ctx.cookie(COOKIE));
        ctx.header("Set-Cookie", COOKIE + "=; Path=/; Max-Age=0; HttpOnly; SameSite=Strict");
    }
}
