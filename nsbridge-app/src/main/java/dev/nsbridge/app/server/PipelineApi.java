package dev.nsbridge.app.server;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.nsbridge.app.Workspace;
import dev.nsbridge.app.connect.ConnectionCheck;
import dev.nsbridge.app.pipeline.PipelineCatalog;
import dev.nsbridge.engine.config.ConnectionConfig;
import dev.nsbridge.engine.schedule.Scheduler;
import dev.nsbridge.engine.store.ErrorStatus;
import dev.nsbridge.spi.data.RecordError;
import dev.nsbridge.engine.store.RunRecord;
import dev.nsbridge.engine.store.Stores;
import dev.nsbridge.spi.errors.ConfigurationException;
import io.javalin.router.JavalinDefaultRoutingApi;
import io.javalin.http.Context;
import java.time.Clock;
import java.time.Instant;
import java.util.Optional;

/** The pipelines and connections routes: list, run, dry-run, go live, pause and resume; test a connection. */
final class PipelineApi {
    private static final int HISTORY_LOOKBACK = 20;

    private final Workspace workspace;
    private final PipelineCatalog catalog;
    private final PipelineEntries entries;
    private final RunCoordinator runs;
    private final Scheduler scheduler;
    private final Pauses pauses;
    private final Stores stores;
    private final Replies replies;
    private final Clock clock;

    PipelineApi(Workspace workspace, PipelineCatalog catalog, PipelineEntries entries, RunCoordinator runs,
                Scheduler scheduler, Pauses pauses, Stores stores, Replies replies, Clock clock) {
        this.workspace = workspace;
        this.catalog = catalog;
        this.entries = entries;
        this.runs = runs;
        this.scheduler = scheduler;
        this.pauses = pauses;
        this.stores = stores;
        this.replies = replies;
        this.clock = clock;
    }

    void register(JavalinDefaultRoutingApi app) {
        app.get("/api/pipelines", ctx -> {
            ArrayNode list = ApiViews.JSON.createArrayNode();
            entries.all().forEach(entry -> list.add(view(entry)));
            replies.json(ctx, list);
        });
        app.get("/api/pipelines/{name}", ctx -> replies.json(ctx, view(pipeline(ctx))));
        app.post("/api/pipelines/{name}/run", ctx -> {
            PipelineEntry entry = pipeline(ctx);
            runs.start(entry.name());
            replies.json(ctx, 202, ApiViews.JSON.createObjectNode().put("pipeline", entry.name())
                    .put("accepted", true));
        });
        app.post("/api/pipelines/{name}/dry-run", ctx -> {
            RunCoordinator.DryRun dryRun = runs.dryRun(pipeline(ctx).name());
            ObjectNode body = ApiViews.JSON.createObjectNode();
            body.set("result", ApiViews.result(dryRun.result()));
            ArrayNode payloads = body.putArray("payloads");
            dryRun.payloads().forEach(payload -> payloads.add(ApiViews.payload(payload)));
            replies.json(ctx, body);
        });
        app.post("/api/pipelines/{name}/golive", ctx -> {
            PipelineEntry entry = pipeline(ctx);
            Instant now = clock.instant();
            catalog.goLive(entry.name(), now, now);
            replies.json(ctx, view(entry));
        });
        app.post("/api/pipelines/{name}/pause", ctx -> pause(ctx, true));
        app.post("/api/pipelines/{name}/resume", ctx -> pause(ctx, false));
        app.get("/api/connections", ctx -> {
            ArrayNode list = ApiViews.JSON.createArrayNode();
            workspace.connections().values().forEach(connection -> list.add(connection(connection)));
            replies.json(ctx, list);
        });
        app.post("/api/connections/{name}/check", ctx -> {
            ConnectionConfig connection = Optional.ofNullable(workspace.connections().get(ctx.pathParam("name")))
                    .orElseThrow(() -> notFound("connection", ctx.pathParam("name")));
            ConnectionCheck check = ConnectionCheck.run(workspace, connection);
            ObjectNode body = check.json().deepCopy();
            body.put("text", check.text());
            replies.json(ctx, body);
        });
    }

    private void pause(Context ctx, boolean paused) {
        PipelineEntry entry = pipeline(ctx);
        if (!entry.scheduled()) {
            throw new ConfigurationException("PIPELINE_NOT_SCHEDULED", "pipeline '" + entry.name() + "' has no"
                    + " schedule to pause", "give it a schedule in nsbridge.yaml");
        }
        if (paused) {
            scheduler.pause(entry.name());
        } else {
            scheduler.resume(entry.name());
        }
        pauses.set(entry.name(), paused);
        replies.json(ctx, view(entry));
    }

    private PipelineEntry pipeline(Context ctx) {
        String name = ctx.pathParam("name");
        return entries.entry(name).orElseThrow(() -> notFound("pipeline", name));
    }

    static ConfigurationException notFound(String what, String name) {
        return new ConfigurationException(HttpErrors.NOT_FOUND, "no " + what + " named '" + name + "'",
                "list them with GET /api/" + what + "s");
    }

    private ObjectNode view(PipelineEntry entry) {
        String name = entry.name();
        boolean running = runs.isRunning(name);
        Optional<RunRecord> last = stores.history().recent(Optional.of(name), HISTORY_LOOKBACK).stream()
                .filter(run -> !run.dryRun() && run.status().finished()).findFirst();
        ObjectNode node = ApiViews.JSON.createObjectNode().put("name", name).put("kind", entry.kind().wireName())
                .put("type", entry.type()).put("source", entry.source()).put("destination", entry.destination())
                .put("phase", catalog.isLive(name) ? "live" : "test").put("enabled", entry.enabled())
                .put("paused", pauses.isPaused(name)).put("running", running)
                .put("status", running ? "running" : last.map(run -> run.status().wireName()).orElse("never"));
        entry.schedule().ifPresentOrElse(schedule -> node.put("schedule", schedule.expression())
                .put("timezone", schedule.zone().getId()), () -> node.putNull("schedule"));
        if (last.isPresent()) {
            node.set("lastRun", ApiViews.run(last.get()));
        } else {
            node.putNull("lastRun");
        }
        Optional<String> next = entry.scheduled() ? scheduler.nextRun(name).map(Object::toString) : Optional.empty();
        next.ifPresentOrElse(at -> node.put("nextRun", at), () -> node.putNull("nextRun"));
        node.put("openErrors", stores.errors().count(name, ErrorStatus.OPEN));
        node.put("openWarnings", stores.errors().count(name, ErrorStatus.OPEN, RecordError.Kind.WARNING));
        node.set("settings", ApiViews.settings(entry.settings()));
        return node;
    }

    private static ObjectNode connection(ConnectionConfig connection) {
        ObjectNode node = ApiViews.JSON.createObjectNode().put("name", connection.name())
                .put("type", connection.type());
        node.set("settings", ApiViews.settings(SafeSettings.of(connection.values())));
        return node;
    }
}
