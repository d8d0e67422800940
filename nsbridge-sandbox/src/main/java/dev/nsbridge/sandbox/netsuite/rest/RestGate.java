package dev.nsbridge.sandbox.netsuite.rest;

import dev.nsbridge.sandbox.netsuite.auth.Authenticator;
import dev.nsbridge.sandbox.netsuite.auth.RequestFacts;
import io.javalin.http.Context;
import java.io.IOException;
import java.time.Duration;
import org.eclipse.jetty.ee10.servlet.ServletContextRequest;

/**
 * What every REST call passes on its way to a resource, in NetSuite's order: the account's concurrency pool, then
 * the injected fault, then the login, then the resource, then the configured latency (while still in flight, so
 * slow answers fill the pool as they would on a busy account).
 */
final class RestGate {
    static final String DROPPED = "netsuite.dropped";

    /** A resource answers into the context and returns how many rows it answered, for the per-row latency. */
    interface Resource {
        int serve(Context ctx) throws Exception;
    }

    private final Governance governance;
    private final FaultInjector faults;
    private final Authenticator authenticator;
    private final LiveKnobs knobs;
    private final ErrorResponses errors;

    RestGate(Governance governance, FaultInjector faults, Authenticator authenticator, LiveKnobs knobs,
             ErrorResponses errors) {
        this.governance = governance;
        this.faults = faults;
        this.authenticator = authenticator;
        this.knobs = knobs;
        this.errors = errors;
    }

    void handle(Context ctx, Resource resource) throws Exception {
        try (Governance.Ticket ticket = governance.enter()) {
            if (!ticket.admitted()) {
                errors.concurrencyLimit(ctx);
                return;
            }
            FaultInjector.Draw draw = faults.draw();
            pause(draw.delay());
            switch (draw.outcome()) {
                case DROP -> {
                    drop(ctx);
                    return;
                }
                case SERVER_ERROR -> {
                    errors.unexpected(ctx);
                    return;
                }
                case THROTTLE -> {
                    errors.concurrencyLimit(ctx);
                    return;
                }
                case NONE -> {
                }
            }
            Authenticator.Login login = authenticator.checkRequest(facts(ctx));
            if (!login.accepted()) {
                errors.invalidLogin(ctx, login.bearer());
                return;
            }
            int rows = resource.serve(ctx);
            pause(knobs.latencyFor(rows));
        }
    }

    static RequestFacts facts(Context ctx) {
        return new RequestFacts(ctx.method().name(), ctx.scheme(), ctx.header("Host"), ctx.req().getRequestURI(),
                ctx.queryString(), ctx.header("Authorization"));
    }

    /**
     * Closes the TCP connection with no answer, as a load balancer does when NetSuite times out. Javalin has no
     * call for it; Jetty 12's request gives the connection's end point, and closing it makes the answer Javalin
     * writes afterwards go nowhere.
     */
    private static void drop(Context ctx) throws IOException {
        ctx.attribute(DROPPED, Boolean.TRUE);
        ServletContextRequest.getServletContextRequest(ctx.req()).getConnectionMetaData().getConnection()
                .getEndPoint().close();
    }

    private static void pause(Duration delay) throws InterruptedException {
        if (!delay.isZero()) {
            Thread.sleep(delay.toMillis(), delay.toNanosPart() % 1_000_000);
        }
    }
}
