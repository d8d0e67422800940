package dev.nsbridge.app.server;

import com.fasterxml.jackson.databind.node.ArrayNode;
import dev.nsbridge.engine.run.ErrorRetrier;
import dev.nsbridge.engine.store.ErrorStatus;
import dev.nsbridge.engine.store.StoredError;
import dev.nsbridge.engine.store.Stores;
import dev.nsbridge.spi.data.RecordError;
import dev.nsbridge.spi.errors.ConfigurationException;
import io.javalin.router.JavalinDefaultRoutingApi;
import io.javalin.http.Context;
import java.time.Clock;
import java.util.Optional;

/** The runs and record-errors routes: history with counts per stream, runs under way, the error queue. */
final class RecordApi {
    private static final int DEFAULT_LIMIT = 100;
    private static final int MAX_LIMIT = 1_000;

    private final Stores stores;
    private final RunCoordinator runs;
    private final ErrorActions errors;
    private final Replies replies;
    private final Clock clock;

    RecordApi(Stores stores, RunCoordinator runs, ErrorActions errors, Replies replies, Clock clock) {
        this.stores = stores;
        this.runs = runs;
        this.errors = errors;
        this.replies = replies;
        this.clock = clock;
    }

    void register(JavalinDefaultRoutingApi app) {
        app.get("/api/runs", ctx -> {
            ArrayNode list = ApiViews.JSON.createArrayNode();
            stores.history().recent(Optional.ofNullable(ctx.queryParam("pipeline")), limit(ctx))
                    .forEach(run -> list.add(ApiViews.run(run)));
            replies.json(ctx, list);
        });
        app.get("/api/runs/active", ctx -> {
            ArrayNode list = ApiViews.JSON.createArrayNode();
            runs.active().forEach(run -> list.add(ApiViews.active(run, clock.instant())));
            replies.json(ctx, list);
        });
        app.get("/api/runs/{id}", ctx -> replies.json(ctx, ApiViews.run(stores.history().get(id(ctx))
                .orElseThrow(() -> PipelineApi.notFound("run", ctx.pathParam("id"))))));
        app.get("/api/errors", ctx -> {
            Optional<ErrorStatus> status = Optional.ofNullable(ctx.queryParam("status")).map(RecordApi::status);
            Optional<RecordError.Kind> kind = Optional.ofNullable(ctx.queryParam("kind")).map(RecordApi::kind);
            ArrayNode list = ApiViews.JSON.createArrayNode();
            stores.errors().list(Optional.ofNullable(ctx.queryParam("pipeline")), status, kind, limit(ctx))
                    .forEach(error -> list.add(ApiViews.error(error, false)));
            replies.json(ctx, list);
        });
        app.post("/api/errors/retry-all", ctx -> {
            ErrorRetrier.RetryOutcome outcome = errors.retryAll(Optional.ofNullable(ctx.queryParam("pipeline")));
            replies.json(ctx, ApiViews.JSON.createObjectNode().put("attempted", outcome.attempted())
                    .put("resolved", outcome.resolved()).put("stillOpen", outcome.stillOpen()));
        });
        app.get("/api/errors/{id}", ctx -> replies.json(ctx, ApiViews.error(found(ctx, stores.errors()
                .get(id(ctx))), true)));
        app.post("/api/errors/{id}/retry", ctx -> replies.json(ctx, ApiViews.error(found(ctx,
                errors.retry(id(ctx))), true)));
        app.post("/api/errors/{id}/resolve", ctx -> replies.json(ctx, ApiViews.error(found(ctx,
                errors.resolve(id(ctx))), true)));
    }

    private static StoredError found(Context ctx, Optional<StoredError> error) {
        return error.orElseThrow(() -> PipelineApi.notFound("error", ctx.pathParam("id")));
    }

    private static long id(Context ctx) {
        try {
            return Long.parseLong(ctx.pathParam("id"));
        } catch (NumberFormatException e) {
            throw PipelineApi.notFound("entry", ctx.pathParam("id"));
        }
    }

    private static int limit(Context ctx) {
        String value = ctx.queryParam("limit");
        try {
            return value == null ? DEFAULT_LIMIT : Math.max(1, Math.min(MAX_LIMIT, Integer.parseInt(value)));
        } catch (NumberFormatException e) {
            throw new ConfigurationException("BAD_LIMIT", "limit must be a number, not '" + value + "'",
                    "give limit=1.." + MAX_LIMIT);
        }
    }

    private static RecordError.Kind kind(String value) {
        try {
            return RecordError.Kind.fromWireName(value);
        } catch (IllegalArgumentException e) {
            throw new ConfigurationException("BAD_KIND", "kind must be error or warning, not '" + value + "'",
                    "give kind=error or kind=warning");
        }
    }

    private static ErrorStatus status(String value) {
        try {
            return ErrorStatus.fromWireName(value);
        } catch (IllegalArgumentException e) {
            throw new ConfigurationException("BAD_STATUS", "status must be open or resolved, not '" + value + "'",
                    "give status=open or status=resolved");
        }
    }
}
