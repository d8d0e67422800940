package dev.nsbridge.app.server;

import com.fasterxml.jackson.databind.node.ArrayNode;
import dev.nsbridge.app.pipeline.RecordErrors;
import dev.nsbridge.app.pipeline.RetryReport;
import dev.nsbridge.engine.store.ErrorStatus;
import dev.nsbridge.engine.store.StoredError;
import dev.nsbridge.engine.store.Stores;
import dev.nsbridge.spi.data.RecordError;
import dev.nsbridge.spi.errors.ConfigurationException;
import io.javalin.router.JavalinDefaultRoutingApi;
import io.javalin.http.Context;
import java.time.Clock;
import java.util.List;
import java.util.Optional;

/** The runs and record-errors routes: history with counts per stream, runs under way, the error queue. */
final class RecordApi {
    private static final int DEFAULT_LIMIT = 100;
    private static final int MAX_LIMIT = 1_000;

    private final Stores stores;
    private final RunCoordinator runs;
    private final RecordErrors errors;
    private final ServerMetrics metrics;
    private final Replies replies;
    private final Clock clock;

    /** @param errors the same queue {@code nsbridge errors} and {@code nsbridge retry} work on */
    RecordApi(Stores stores, RunCoordinator runs, RecordErrors errors, ServerMetrics metrics, Replies replies,
              Clock clock) {
        this.stores = stores;
        this.runs = runs;
        this.errors = errors;
        this.metrics = metrics;
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
            List<RetryReport> reports = errors.retry(Optional.ofNullable(ctx.queryParam("pipeline")));
            reports.forEach(this::count);
            replies.json(ctx, ApiViews.JSON.createObjectNode()
                    .put("attempted", reports.stream().mapToInt(RetryReport::attempted).sum())
                    .put("resolved", reports.stream().mapToInt(RetryReport::resolved).sum())
                    .put("stillOpen", reports.stream().mapToInt(RetryReport::stillOpen).sum()));
        });
        app.get("/api/errors/{id}", ctx -> replies.json(ctx, ApiViews.error(found(ctx, stores.errors()
                .get(id(ctx))), true)));
        app.post("/api/errors/{id}/retry", ctx -> {
            long id = id(ctx);
            count(errors.retry(id));
            replies.json(ctx, ApiViews.error(errors.get(id), true));
        });
        app.post("/api/errors/{id}/resolve", ctx -> replies.json(ctx, ApiViews.error(errors.resolve(id(ctx)),
                true)));
    }

    private void count(RetryReport report) {
        if (report.attempted() > 0) {
            metrics.retried(report.pipeline(), report.resolved(), report.stillOpen());
        }
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
