package dev.nsbridge.app.server;

import io.javalin.router.JavalinDefaultRoutingApi;
import io.javalin.http.Context;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.Map;

/**
 * The web UI: one page of plain HTML, CSS and JavaScript that reads the API with the session cookie, served from
 * the jar, so nothing is built at install or run time. The login page is a form that posts the token.
 */
final class UiRoutes {
    private static final String ROOT = "/dev/nsbridge/app/server/";
    private static final Map<String, String> ASSETS = Map.of("app.js", "text/javascript; charset=utf-8",
            "charts.js", "text/javascript; charset=utf-8", "style.css", "text/css; charset=utf-8");

    private final Access access;

    UiRoutes(Access access) {
        this.access = access;
    }

    void register(JavalinDefaultRoutingApi app) {
        app.get("/", ctx -> page(ctx, "index.html", ""));
        app.get("/login", ctx -> page(ctx, "login.html", ""));
        app.post("/login", ctx -> {
            if (access.logIn(ctx, ctx.formParam("token"))) {
                ctx.redirect("/");
            } else {
                ctx.status(401);
                page(ctx, "login.html", "<p class=\"error\" id=\"login-error\">That token is not valid.</p>");
            }
        });
        app.post("/logout", ctx -> {
            access.logOut(ctx);
            ctx.redirect("/login");
        });
        app.get("/ui/{file}", ctx -> {
            String file = ctx.pathParam("file");
            String type = ASSETS.get(file);
            if (type == null) {
                ctx.status(404).result("not found");
                return;
            }
            ctx.contentType(type).header("Cache-Control", "no-cache").result(resource(file));
        });
    }

    private static void page(Context ctx, String file, String message) {
        // No caching: pages show live data. Framing is refused for every answer by SecurityHeaders.
        SecurityHeaders.page(ctx);
        ctx.header("Cache-Control", "no-store")
                .html(new String(resource(file), java.nio.charset.StandardCharsets.UTF_8).replace("<!--message-->", message));
    }

    private static byte[] resource(String file) {
        try (InputStream in = UiRoutes.class.getResourceAsStream(ROOT + file)) {
            if (in == null) {
                throw new IllegalStateException("the UI file " + file + " is missing from the build");
            }
            return in.readAllBytes();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
