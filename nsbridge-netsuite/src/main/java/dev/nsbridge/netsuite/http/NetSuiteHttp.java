package dev.nsbridge.netsuite.http;

import com.fasterxml.jackson.databind.ObjectMapper;
import dev.nsbridge.netsuite.NetSuiteAccountId;
import dev.nsbridge.netsuite.auth.NetSuiteAuth;
import dev.nsbridge.netsuite.governance.ConcurrencyGate;
import dev.nsbridge.netsuite.governance.LoginGuard;
import dev.nsbridge.spi.errors.AuthenticationException;
import dev.nsbridge.spi.errors.TransientException;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.Locale;
import java.util.Objects;
import java.util.Optional;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Sends every request nsbridge makes to one NetSuite account. Each attempt takes a permit from the account's
 * concurrency budget, asks the lockout guard, signs, sends and classifies the answer: throttling (429), server
 * errors (5xx) and dropped connections are retried with backoff, the permit released while waiting; a 401 is never
 * retried and is counted by the guard; every other refusal becomes the nsbridge error that says what to fix.
 */
public final class NetSuiteHttp {
    private static final Logger LOG = LoggerFactory.getLogger(NetSuiteHttp.class);
    // NetSuite stops a request after 15 minutes; a little longer here so its own answer wins.
    private static final Duration REQUEST_TIMEOUT = Duration.ofMinutes(16);

    private final NetSuiteAccountId account;
    private final URI baseUrl;
    private final NetSuiteAuth auth;
    private final HttpClient httpClient;
    private final ConcurrencyGate gate;
    private final LoginGuard guard;
    private final RetryPolicy policy;
    private final Backoff backoff;
    private final Sleeper sleeper;
    private final RetryAfter retryAfter;
    private final ObjectMapper json = new ObjectMapper();

    public NetSuiteHttp(NetSuiteAccountId account, URI baseUrl, NetSuiteAuth auth, HttpClient httpClient,
                        ConcurrencyGate gate, LoginGuard guard, RetryPolicy policy, Backoff backoff, Sleeper sleeper,
                        RetryAfter retryAfter) {
        this.account = Objects.requireNonNull(account, "account");
        this.baseUrl = Objects.requireNonNull(baseUrl, "baseUrl");
        this.auth = Objects.requireNonNull(auth, "auth");
        this.httpClient = Objects.requireNonNull(httpClient, "httpClient");
        this.gate = Objects.requireNonNull(gate, "gate");
        this.guard = Objects.requireNonNull(guard, "guard");
        this.policy = Objects.requireNonNull(policy, "policy");
        this.backoff = Objects.requireNonNull(backoff, "backoff");
        this.sleeper = Objects.requireNonNull(sleeper, "sleeper");
        this.retryAfter = Objects.requireNonNull(retryAfter, "retryAfter");
    }

    /** Sends a request until NetSuite answers it for good; throws the classified nsbridge error otherwise. */
    public NetSuiteResponse send(NetSuiteRequest request) {
        URI uri = resolve(request.path());
        String what = describe(request.path());
        for (int attempt = 0; ; attempt++) {
            Retry retry;
            try {
                return attemptOnce(request, uri, what);
            } catch (Retry failure) {
                retry = failure;
            } catch (InterruptedException e) {
                throw interrupted(what, e);
            }
            if (attempt + 1 >= policy.maxAttempts()) {
                throw new TransientException(retry.code, "NetSuite did not answer the " + what + " after "
                        + policy.maxAttempts() + " attempts; last: " + retry.getMessage(),
                        retry.retryAfter.orElse(null), retry.getCause());
            }
            Duration wait = backoff.delay(attempt, retry.retryAfter);
            LOG.debug("retrying the {} in {} ms after {}", what, wait.toMillis(), retry.getMessage());
            try {
                sleeper.sleep(wait);
            } catch (InterruptedException e) {
                throw interrupted(what, e);
            }
        }
    }

    public URI baseUrl() {
        return baseUrl;
    }

    private NetSuiteResponse attemptOnce(NetSuiteRequest request, URI uri, String what)
            throws Retry, InterruptedException {
        gate.acquire();
        try (LoginGuard.Attempt login = guard.begin(request.loginCheck())) {
            String authorization;
            try {
                authorization = auth.authorization(request.method(), uri);
            } catch (AuthenticationException refused) {
                login.refused();
                throw refused;
            } catch (TransientException unavailable) {
                throw new Retry(unavailable.code(), unavailable.getMessage(), unavailable.retryAfter(), unavailable);
            }
            HttpResponse<String> response;
            try {
                response = httpClient.send(build(request, uri, authorization), HttpResponse.BodyHandlers.ofString());
            } catch (IOException e) {
                throw new Retry("NETWORK_ERROR", e.getClass().getSimpleName()
                        + (e.getMessage() == null ? "" : ": " + e.getMessage()), Optional.empty(), e);
            }
            return classify(response, login, what);
        } finally {
            gate.release();
        }
    }

    private NetSuiteResponse classify(HttpResponse<String> response, LoginGuard.Attempt login, String what)
            throws Retry {
        int status = response.statusCode();
        String body = response.body() == null ? "" : response.body();
        if (status == 429 || status >= 500) {
            NetSuiteError error = NetSuiteError.parse(status, body, json);
            String code = error.errorCode().isEmpty() ? (status == 429 ? "CONCURRENCY_LIMIT_EXCEEDED"
                    : "UNEXPECTED_ERROR") : error.errorCode();
            throw new Retry(code, error.summary(), retryAfter.parse(response.headers()), null);
        }
        if (status == 401) {
            login.refused();
            auth.invalidate();
            NetSuiteError error = NetSuiteError.parse(status, body, json);
            if (error.detail().isEmpty()) {
                // OAuth 2.0 refusals may say why only in the Bearer challenge.
                String challenge = response.headers().firstValue("WWW-Authenticate").orElse("");
                error = new NetSuiteError(status, error.title(), error.errorCode(), challenge, error.queryParam());
            }
            throw NetSuiteErrors.loginRefused(account.value(), auth.method(), error);
        }
        login.accepted();
        if (status >= 200 && status < 300) {
            return new NetSuiteResponse(status, response.headers().firstValue("Location"), body);
        }
        throw NetSuiteErrors.refusal(what, NetSuiteError.parse(status, body, json));
    }

    private HttpRequest build(NetSuiteRequest request, URI uri, String authorization) {
        HttpRequest.Builder builder = HttpRequest.newBuilder(uri).timeout(REQUEST_TIMEOUT)
                .header("Authorization", authorization);
        request.headers().forEach(builder::header);
        if (request.body().isPresent()) {
            if (!request.headers().containsKey("Content-Type")) {
                builder.header("Content-Type", "application/json");
            }
            builder.method(request.method(), HttpRequest.BodyPublishers.ofString(request.body().get()));
        } else {
            builder.method(request.method(), HttpRequest.BodyPublishers.noBody());
        }
        return builder.build();
    }

    private URI resolve(String path) {
        String base = baseUrl.toString();
        return URI.create((base.endsWith("/") ? base.substring(0, base.length() - 1) : base) + path);
    }

    private static String describe(String path) {
        String lower = path.toLowerCase(Locale.ROOT);
        if (lower.startsWith("/services/rest/query/v1/suiteql")) {
            return "SuiteQL query";
        }
        if (lower.startsWith("/services/rest/system/v1/governancelimits")) {
            return "governanceLimits read";
        }
        if (lower.contains("/metadata-catalog")) {
            return "metadata-catalog read";
        }
        return "records API call " + path.replaceFirst("\\?.*", "");
    }

    private static TransientException interrupted(String what, InterruptedException e) {
        Thread.currentThread().interrupt();
        return new TransientException("INTERRUPTED", "the " + what + " was interrupted", null, e);
    }

    /** A failure worth another attempt; only ever seen inside this class. */
    private static final class Retry extends Exception {
        private final String code;
        private final Optional<Duration> retryAfter;

        Retry(String code, String message, Optional<Duration> retryAfter, Throwable cause) {
            super(message, cause, false, false);
            this.code = code;
            this.retryAfter = retryAfter;
        }
    }
}
