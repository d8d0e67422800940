package dev.nsbridge.app.server;

import com.fasterxml.jackson.databind.JsonNode;
import io.javalin.http.Context;

/** Writes every JSON answer, through the redactor, so no route can forget it. */
final class Replies {
    private final Redactor redactor;

    Replies(Redactor redactor) {
        this.redactor = redactor;
    }

    void json(Context ctx, int status, JsonNode body) {
        ctx.status(status).contentType("application/json").result(redactor.scrub(body.toString()));
    }

    void json(Context ctx, JsonNode body) {
        json(ctx, 200, body);
    }

    String scrub(String text) {
        return redactor.scrub(text);
    }
}
