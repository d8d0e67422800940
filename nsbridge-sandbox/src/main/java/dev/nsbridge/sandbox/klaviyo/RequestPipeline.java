package dev.nsbridge.sandbox.klaviyo;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.MissingNode;
import io.javalin.http.Context;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;

/**
 * The checks every request passes, in Klaviyo's order: injected faults, retired APIs (410), the API key (401),
 * the operation's rate limit (429), the spec (400), then the handler. Every request is logged with its outcome.
 */
final class RequestPipeline {
    private static final String KEY_PREFIX = "Klaviyo-API-Key ";

    private final KlaviyoContract contract;
    private final RequestValidation validation;
    private final RateLimiter rateLimiter;
    private final SandboxKnobs knobs;
    private final KlaviyoStore store;
    private final RequestLog log;
    private final Ids faultDraws;
    private final String apiKey;
    private final String accountId;

    RequestPipeline(KlaviyoContract contract, RateLimiter rateLimiter, SandboxKnobs knobs, KlaviyoStore store,
                    RequestLog log, Ids faultDraws, String apiKey, String accountId) {
        this.contract = contract;
        this.validation = new RequestValidation(contract.validator());
        this.rateLimiter = rateLimiter;
        this.knobs = knobs;
        this.store = store;
        this.log = log;
        this.faultDraws = faultDraws;
        this.apiKey = apiKey;
        this.accountId = accountId;
    }

    /** @param handler null for a request no served operation matched */
    void serve(Context ctx, Function<ApiCall, ApiAnswer> handler, String baseUrl) {
        Instant now = store.now();
        RequestValidation.Incoming incoming = new RequestValidation.Incoming(ctx.method().name(), ctx.path(),
                ctx.queryParamMap(), ctx.headerMap(), ctx.body());
        boolean[] valid = {false};
        int status;
        try {
            ApiAnswer answer = answer(ctx, incoming, handler, baseUrl, now, valid);
            status = answer.status();
            ctx.status(status);
            if (answer.body() != null) {
                ctx.contentType(JsonApi.MEDIA_TYPE).result(answer.body().toString());
            }
        } catch (KlaviyoApiException refused) {
            status = refused.status();
            refused.headers().forEach(ctx::header);
            ctx.status(status).contentType(JsonApi.MEDIA_TYPE).result(JsonApi.errors(refused.errors()).toString());
        } catch (RuntimeException bug) {
            status = 500;
            ctx.status(status).contentType(JsonApi.MEDIA_TYPE).result(JsonApi.errors(List.of(serverError(
                    "The sandbox failed: " + bug.getClass().getSimpleName()))).toString());
        }
        log.add(RequestLog.redacted(now, incoming, valid[0], status));
    }

    private ApiAnswer answer(Context ctx, RequestValidation.Incoming incoming, Function<ApiCall, ApiAnswer> handler,
                             String baseUrl, Instant now, boolean[] valid) {
        injectFaults();
        String path = incoming.path();
        if (path.startsWith("/api/v1/") || path.startsWith("/api/v2/") || path.equals("/api/v1")
                || path.equals("/api/v2")) {
            throw new KlaviyoApiException(new ApiError(410, "gone", "Gone.", "The v1 and v2 APIs were retired on "
                    + "2024-06-30; use the /api/ endpoints with a revision header.", null, null, Map.of()));
        }
        authenticate(incoming.headers());
        Optional<KlaviyoContract.Operation> operation = contract.match(incoming.method(), path);
        if (operation.isEmpty()) {
            throw contract.knowsPath(path)
                    ? new KlaviyoApiException(new ApiError(405, "method_not_allowed", "Method not allowed.",
                            "Method \"" + incoming.method() + "\" not allowed.", null, null, Map.of()))
                    : new KlaviyoApiException(ApiError.notFound("Not found."));
        }
        limit(ctx, operation.get());
        if (handler == null) {
            throw new KlaviyoApiException(new ApiError(501, "not_implemented", "Not implemented.",
                    "The sandbox does not serve " + operation.get().key() + ".", null, null, Map.of()));
        }
        List<ApiError> problems = validation.check(incoming);
        if (!problems.isEmpty()) {
            throw new KlaviyoApiException(400, problems, Map.of());
        }
        valid[0] = true;
        JsonNode body = incoming.parsedBody().hasBody() ? parse(incoming.parsedBody()) : MissingNode.getInstance();
        ApiCall call = new ApiCall(path, ctx.pathParamMap(), incoming.query(), body, ctx.bodyAsBytes().length, now,
                baseUrl);
        ApiAnswer answer = store.locked(() -> handler.apply(call));
        SparseFieldsets.apply(answer.body(), incoming.query());
        return answer;
    }

    private void injectFaults() {
        KlaviyoSandbox.Faults faults = knobs.faults();
        if (faults.slowShare() > 0 && faultDraws.nextDouble() < faults.slowShare()) {
            try {
                Thread.sleep(faults.slowBy().toMillis());
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }
        if (faults.serverErrorShare() > 0 && faultDraws.nextDouble() < faults.serverErrorShare()) {
            throw new KlaviyoApiException(500, List.of(serverError("A server error occurred (injected).")), Map.of());
        }
        if (faults.throttleShare() > 0 && faultDraws.nextDouble() < faults.throttleShare()) {
            throw throttled(1);
        }
    }

    private void authenticate(Map<String, String> headers) {
        String authorization = RequestValidation.headerValue(headers, "authorization");
        if (authorization == null || authorization.isBlank()) {
            throw notAuthenticated("Authentication credentials were not provided.");
        }
        if (!authorization.startsWith(KEY_PREFIX) || !apiKey.equals(authorization.substring(KEY_PREFIX.length()))) {
            // Never echo what was sent: it may be someone's real key.
            throw notAuthenticated("Incorrect authentication credentials.");
        }
    }

    private void limit(Context ctx, KlaviyoContract.Operation operation) {
        if (operation.rateLimit() == null) {
            return;
        }
        RateLimiter.Verdict verdict = rateLimiter.acquire(accountId, operation.key(), operation.rateLimit(),
                knobs.rateLimitsEnforced());
        if (!verdict.allowed()) {
            throw throttled(verdict.retryAfterSeconds());
        }
        ctx.header("RateLimit-Limit", String.valueOf(verdict.limit()));
        ctx.header("RateLimit-Remaining", String.valueOf(verdict.remaining()));
        ctx.header("RateLimit-Reset", String.valueOf(verdict.resetSeconds()));
    }

    private static KlaviyoApiException throttled(long retryAfterSeconds) {
        return new KlaviyoApiException(429, List.of(new ApiError(429, "throttled", "Request was throttled.",
                "Request was throttled. Expected available in " + retryAfterSeconds + " second"
                        + (retryAfterSeconds == 1 ? "" : "s") + ".", null, null, Map.of())),
                Map.of("Retry-After", String.valueOf(retryAfterSeconds)));
    }

    private static KlaviyoApiException notAuthenticated(String detail) {
        return new KlaviyoApiException(new ApiError(401, "not_authenticated", "Authentication credentials were "
                + "not provided.", detail, null, null, Map.of()));
    }

    private static ApiError serverError(String detail) {
        return new ApiError(500, "error", "A server error occurred.", detail, null, null, Map.of());
    }

    private static JsonNode parse(RequestBody body) {
        try {
            return body.toJsonNode();
        } catch (java.io.IOException e) {
            throw KlaviyoApiException.invalid("The body is not valid JSON.", "/");
        }
    }
}
