package dev.nsbridge.app.server;

import io.javalin.http.Context;

/**
 * The headers every answer carries, set before any route runs so that JSON, pages, static files, errors and 404s
 * all have them. Non-HTML answers get a policy that allows nothing at all: a JSON answer opened as a page, or
 * sniffed as a script, can then run nothing. The UI's pages widen it to their own origin in {@link #page}.
 */
final class SecurityHeaders {
    static final String API_POLICY = "default-src 'none'; frame-ancestors 'none'; base-uri 'none'; form-action 'none'";
    static final String PAGE_POLICY = "default-src 'self'; img-src 'self' data:; frame-ancestors 'none';"
            + " base-uri 'none'; form-action 'self'";

    private SecurityHeaders() {
    }

    /** A before-handler for every request. */
    static void apply(Context ctx) {
        ctx.header("X-Content-Type-Options", "nosniff")
                .header("X-Frame-Options", "DENY")
                .header("Content-Security-Policy", API_POLICY)
                // same-origin, not no-referrer: with no-referrer a browser sends "Origin: null" on the UI's own
                // POSTs, and the cross-site check in Access could no longer tell them from a foreign page's.
                .header("Referrer-Policy", "same-origin");
    }

    /** The policy for the UI's HTML pages, which load their own scripts, styles and data-URL images. */
    static void page(Context ctx) {
        ctx.header("Content-Security-Policy", PAGE_POLICY);
    }
}
