package dev.nsbridge.app.server;

import dev.nsbridge.app.Workspace;
import dev.nsbridge.app.pipeline.PipelineCatalog;
import dev.nsbridge.app.pipeline.RecordErrors;
import dev.nsbridge.engine.config.NsbridgeConfig;
import dev.nsbridge.engine.run.PipelineRunner;
import dev.nsbridge.engine.schedule.ScheduledPipeline;
import dev.nsbridge.engine.schedule.Scheduler;
import dev.nsbridge.engine.schedule.Ticker;
import dev.nsbridge.engine.store.Stores;
import dev.nsbridge.spi.errors.NsbridgeException;
import io.javalin.Javalin;
import io.javalin.router.JavalinDefaultRoutingApi;
import java.io.PrintStream;
import java.net.URI;
import java.net.http.HttpClient;
import java.nio.file.Path;
import java.security.SecureRandom;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.function.Function;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * {@code nsbridge serve} as one object: the scheduler over the configured pipelines, the REST API, the web UI,
 * /health and /metrics, on one port. The server's own composition root, built from a workspace.
 *
 * <pre>{@code
 * try (NsbridgeServer server = NsbridgeServer.start(Path.of("nsbridge.yaml"), ServerOptions.local(8080),
 *         System::getenv, Clock.systemUTC(), System.out)) {
 *     server.awaitStop();
 * }
 * }</pre>
 */
public final class NsbridgeServer implements AutoCloseable {
    private static final Logger LOG = LoggerFactory.getLogger(NsbridgeServer.class);
    private static final Duration SHUTDOWN_WAIT = Duration.ofSeconds(30);

    private final Stores stores;
    private final Scheduler scheduler;
    private final RunCoordinator runs;
    private final Javalin app;
    private final String host;

    private NsbridgeServer(Stores stores, Scheduler scheduler, RunCoordinator runs, Javalin app, String host) {
        this.stores = stores;
        this.scheduler = scheduler;
        this.runs = runs;
        this.app = app;
        this.host = host;
    }

    /** Opens the configuration and stores, prints a new admin token if one was made, and starts serving. */
    public static NsbridgeServer start(Path config, ServerOptions options, Function<String, String> environment,
                                       Clock clock, PrintStream out) {
        ServerMetrics metrics = new ServerMetrics();
        HttpClient http = new CountingHttpClient(HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(20))
                .build(), metrics::request);
        Workspace workspace = Workspace.open(config, environment, options.loadOptions(), clock, http);
        workspace.warnings().forEach(warning -> LOG.warn("{}", warning.render()));
        Stores stores = workspace.stores();
        try {
            AdminToken.Opened token = workspace.config().state().shared()
                    ? AdminToken.open(stores.state(), options.resetToken(), new SecureRandom())
                    : AdminToken.open(workspace.stateDirectory(), options.resetToken(), new SecureRandom());
            return assemble(workspace, stores, token, options, metrics, clock, out);
        } catch (RuntimeException e) {
            stores.close();
            throw e;
        }
    }

    private static NsbridgeServer assemble(Workspace workspace, Stores stores, AdminToken.Opened token,
                                           ServerOptions options, ServerMetrics metrics, Clock clock,
                                           PrintStream out) {
        PipelineCatalog catalog = new PipelineCatalog(workspace, stores);
        PipelineEntries entries = new PipelineEntries(catalog);
        RunCoordinator runs = new RunCoordinator(catalog, new PipelineRunner(stores, clock), metrics, clock);
        Pauses pauses = new Pauses(stores.state());
        Scheduler scheduler = scheduler(catalog, entries, runs, stores, pauses, clock);
        Replies replies = new Replies(new Redactor(secrets(workspace.config())));
        Access access = new Access(token.token(), new Sessions(clock, new SecureRandom()), replies,
                options.publicMetrics());
        Javalin app = Javalin.create(javalin -> {
            javalin.startup.showJavalinBanner = false;
            JavalinDefaultRoutingApi routes = javalin.routes;
            routes.before(SecurityHeaders::apply);
            routes.before(access::guard);
            routes.exception(NsbridgeException.class, (e, ctx) -> replies.json(ctx, HttpErrors.status(e),
                    HttpErrors.body(e)));
            routes.exception(Exception.class, (e, ctx) -> {
                LOG.error("request {} {} failed: {}", ctx.method(), ctx.path(), e.getClass().getName());
                replies.json(ctx, 500, HttpErrors.body("INTERNAL", "the server failed; its log says more"));
            });
            routes.get("/health", ctx -> health(ctx, stores, replies));
            routes.get("/metrics", ctx -> ctx.contentType(ServerMetrics.CONTENT_TYPE).result(metrics.scrape()));
            new PipelineApi(workspace, catalog, entries, runs, scheduler, pauses, stores, replies, clock)
                    .register(routes);
            new RecordApi(stores, runs, new RecordErrors(catalog), metrics, replies, clock).register(routes);
            new UiRoutes(access).register(routes);
        });
        app.start(options.host(), options.port());
        NsbridgeServer server = new NsbridgeServer(stores, scheduler, runs, app, options.host());
        out.println("nsbridge serve: listening on " + server.url());
        LOG.info("listening on {}", server.url());
        token.newToken().ifPresent(value -> {
            out.println("A new admin token was made. It is shown only this once; keep it somewhere safe:");
            out.println();
            out.println("    " + value);
            out.println();
            out.println("Use it as 'Authorization: Bearer <token>' for the API, or log in with it at "
                    + server.url() + "login. `nsbridge serve --reset-token` makes a new one.");
        });
        out.flush();
        scheduler.start();
        return server;
    }

    private static Scheduler scheduler(PipelineCatalog catalog, PipelineEntries entries, RunCoordinator runs,
                                       Stores stores, Pauses pauses, Clock clock) {
        List<ScheduledPipeline> scheduled = new ArrayList<>();
        entries.all().stream().filter(PipelineEntry::scheduled).forEach(entry -> scheduled.add(
                new ScheduledPipeline(entry.name(), entry.schedule().orElseThrow(), () -> runs.runNow(entry.name()))));
        // Pauses are read from the store at each scheduled time, so a pause made on one server holds on every server.
        Scheduler scheduler = new Scheduler(scheduled, stores.history(), stores.claims(),
                name -> catalog.isLive(name) && !pauses.isPaused(name), clock,
                Ticker.every(Duration.ofSeconds(1)), run -> {
                    Thread thread = new Thread(run, "nsbridge-scheduled-run");
                    thread.setDaemon(true);
                    thread.start();
                });
        scheduled.stream().map(ScheduledPipeline::name).filter(pauses::isPaused).forEach(scheduler::pause);
        return scheduler;
    }

    private static void health(io.javalin.http.Context ctx, Stores stores, Replies replies) {
        try {
            stores.history().recent(Optional.empty(), 1);
            replies.json(ctx, ApiViews.JSON.createObjectNode().put("status", "ok").put("store", "ok"));
        } catch (RuntimeException e) {
            replies.json(ctx, 503, ApiViews.JSON.createObjectNode().put("status", "unavailable")
                    .put("store", "unreachable"));
        }
    }

    /** Every secret in the configuration, for the redactor. */
    private static List<String> secrets(NsbridgeConfig config) {
        List<String> secrets = new ArrayList<>();
        config.connections().values().forEach(c -> secrets.addAll(SafeSettings.secretsIn(c.values())));
        config.flows().values().forEach(f -> secrets.addAll(SafeSettings.secretsIn(f.settings())));
        return secrets;
    }

    public int port() {
        return app.port();
    }

    /** Where the server answers, e.g. {@code http://127.0.0.1:8080/}. */
    public URI url() {
        // Bound to every address, the server is still reachable on loopback, which is what a link should say.
        String shown = host.equals("0.0.0.0") || host.equals("::") ? ServerOptions.LOCAL : host;
        return URI.create("http://" + (shown.contains(":") ? "[" + shown + "]" : shown) + ":" + port() + "/");
    }

    /** Stops the schedules, lets runs under way finish their batch, stops serving, closes the stores. */
    @Override
    public void close() {
        scheduler.shutdown(SHUTDOWN_WAIT);
        runs.close();
        app.stop();
        stores.close();
    }
}
