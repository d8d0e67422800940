package dev.nsbridge.sandbox.netsuite.rest;

import dev.nsbridge.sandbox.netsuite.auth.Authenticator;
import dev.nsbridge.sandbox.netsuite.data.NetSuiteAccount;
import io.javalin.config.JavalinConfig;
import io.javalin.http.HandlerType;
import io.javalin.router.JavalinDefaultRoutingApi;
import java.util.Map;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/** Puts NetSuite's paths on a Javalin app; every REST resource goes through the {@link RestGate}. */
public final class Routes {
    private static final Logger LOG = LoggerFactory.getLogger(Routes.class);

    private Routes() {
    }

    /** Registers the routes and the answer bookkeeping on a Javalin configuration. */
    public static void install(JavalinConfig config, NetSuiteAccount account, Authenticator authenticator, LiveKnobs knobs,
                               SandboxStats stats, long seed, String accountId) {
        ErrorResponses errors = new ErrorResponses(accountId);
        RestGate gate = new RestGate(new Governance(knobs, stats), new FaultInjector(seed, knobs), authenticator,
                knobs, errors);
        SuiteQlRoute suiteQl = new SuiteQlRoute(account, errors);
        RecordRoutes records = new RecordRoutes(account, errors);
        SystemRoutes system = new SystemRoutes(knobs, authenticator, errors);

        register(config.routes, gate, suiteQl, records, system, errors, stats);
        config.requestLogger.http((ctx, millis) -> {
            if (ctx.attribute(RestGate.DROPPED) != null) {
                stats.droppedConnection();
            } else {
                stats.answered(ctx.statusCode());
            }
        });
    }

    private static void register(JavalinDefaultRoutingApi app, RestGate gate, SuiteQlRoute suiteQl,
                                 RecordRoutes records, SystemRoutes system, ErrorResponses errors,
                                 SandboxStats stats) {
        app.before(ctx -> stats.request());
        app.post(SystemRoutes.TOKEN, system::token);
        app.post(SuiteQlRoute.PATH, ctx -> gate.handle(ctx, suiteQl));
        app.get(SystemRoutes.GOVERNANCE, ctx -> gate.handle(ctx, system::governanceLimits));
        // The catalog is registered before {type}/{id}, which would otherwise take it.
        app.get(RecordRoutes.RECORDS + "/metadata-catalog", ctx -> gate.handle(ctx, records::catalog));
        app.get(RecordRoutes.RECORDS + "/metadata-catalog/{type}", ctx -> gate.handle(ctx, records::schema));
        app.get(RecordRoutes.RECORDS + "/{type}/{id}", ctx -> gate.handle(ctx, records::get));
        app.addHttpHandler(HandlerType.PATCH, RecordRoutes.RECORDS + "/{type}/{id}",
                ctx -> gate.handle(ctx, records::patch));
        app.post(RecordRoutes.RECORDS + "/{type}", ctx -> gate.handle(ctx, records::create));

        app.exception(Exception.class, (failure, ctx) -> {
            // The class only: a message could quote a request, and a request can carry credentials.
            LOG.warn("sandbox NetSuite failed on {} {}: {}", ctx.method(), ctx.path(), failure.getClass().getName());
            errors.unexpected(ctx);
        });
        app.error(404, ctx -> {
            if (ctx.attribute(ErrorResponses.SENT) == null) {
                // What NetSuite answers for a path it does not serve is not documented; a plain 404 in its shape.
                errors.send(ctx, 404, "INVALID_URL", "The requested URL " + ctx.path() + " was not found.", Map.of());
            }
        });
    }
}
