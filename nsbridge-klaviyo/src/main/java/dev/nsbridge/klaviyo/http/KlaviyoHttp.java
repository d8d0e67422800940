package dev.nsbridge.klaviyo.http;

import com.fasterxml.jackson.databind.JsonNode;
import dev.nsbridge.klaviyo.limits.Operation;
import dev.nsbridge.klaviyo.limits.RateLimitReport;
import dev.nsbridge.klaviyo.limits.RateLimits;
import dev.nsbridge.spi.errors.TransientException;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * Sends one Klaviyo request: the pinned revision and headers, the operation's pace, retries of 429, 5xx and
 * dropped connections (honouring {@code Retry-After}), and Klaviyo's refusals mapped to nsbridge errors.
 */
public final class KlaviyoHttp {
    /** The API revision every request pins; the OpenAPI contract nsbridge is tested against has the same date. */
    public static final String REVISION = "2026-07-15";
    static final String JSON_API = "application/vnd.api+json";

    private final HttpClient client;
    private final Connection connection;
    private final RetryPolicy retry;
    private final Timing timing;
    private final RateLimits limits;

    public KlaviyoHttp(HttpClient client, Connection connection, RetryPolicy retry, Timing timing) {
        this(client, connection, retry, timing, new RateLimits());
    }

    /** @param limits the endpoints' limits this client keeps to: all of them, or a share */
    public KlaviyoHttp(HttpClient client, Connection connection, RetryPolicy retry, Timing timing,
                       RateLimits limits) {
        this.limits = Objects.requireNonNull(limits, "limits");
        this.client = Objects.requireNonNull(client, "client");
        this.connection = Objects.requireNonNull(connection, "connection");
        this.retry = Objects.requireNonNull(retry, "retry");
        this.timing = Objects.requireNonNull(timing, "timing");
    }

    /** {@code path} is the operation's path with ids already encoded ({@link QueryString#pathSegment}). */
    public KlaviyoResponse get(Operation operation, String path, QueryString query) {
        return send(operation, path + query.encoded(), null);
    }

    /** A GET whose query was handed back by Klaviyo in {@code links.next}; see {@link Pages}. */
    KlaviyoResponse getRawQuery(Operation operation, String path, String rawQuery) {
        return send(operation, rawQuery == null || rawQuery.isEmpty() ? path : path + "?" + rawQuery, null);
    }

    public KlaviyoResponse post(Operation operation, String path, JsonNode body) {
        return send(operation, path, JsonApi.bytes(body));
    }

    private KlaviyoResponse send(Operation operation, String pathAndQuery, byte[] body) {
        URI uri = URI.create(connection.baseUri() + pathAndQuery);
        for (int attempt = 1; ; attempt++) {
            pace(operation);
            HttpResponse<byte[]> response;
            try {
                response = client.send(request(operation, uri, body), HttpResponse.BodyHandlers.ofByteArray());
            } catch (IOException e) {
                if (attempt >= retry.maxAttempts()) {
                    throw new TransientException("KLAVIYO_UNREACHABLE", "Could not reach Klaviyo for "
                            + operation.describe() + " after " + attempt + " attempts: " + e.getClass().getSimpleName(),
                            null, e);
                }
                pause(retry.backoff(attempt, timing.jitter().nextDouble()));
                continue;
            } catch (InterruptedException e) {
                throw interrupted(e);
            }
            observeLimits(operation, response);
            int status = response.statusCode();
            JsonNode json = JsonApi.parseOrNull(response.body(), response.headers().firstValue("Content-Type"));
            if (status >= 200 && status < 300) {
                return new KlaviyoResponse(status, json);
            }
            Optional<Duration> retryAfter = retryAfter(response);
            boolean retriable = status == 429 || status >= 500;
            if (!retriable) {
                throw KlaviyoErrors.map(operation, status, json, null);
            }
            Duration wait = retryAfter.isPresent() ? retryAfter.get()
                    : retry.backoff(attempt, timing.jitter().nextDouble());
            if (attempt >= retry.maxAttempts() || wait.compareTo(retry.maxRetryAfter()) > 0) {
                throw KlaviyoErrors.map(operation, status, json, retryAfter.orElse(null));
            }
            if (status == 429 && retryAfter.isPresent()) {
                // Hold the operation's other senders too; each would only earn a 429 of its own.
                limits.throttled(operation, timing.clock().instant(), retryAfter.get());
            }
            pause(wait);
        }
    }

    private HttpRequest request(Operation operation, URI uri, byte[] body) {
        HttpRequest.Builder builder = HttpRequest.newBuilder(uri)
                .timeout(connection.requestTimeout())
                .header("Authorization", "Klaviyo-API-Key " + connection.apiKey().reveal())
                .header("revision", REVISION)
                .header("accept", JSON_API);
        if (body == null) {
            return builder.method(operation.method(), HttpRequest.BodyPublishers.noBody()).build();
        }
        return builder.header("content-type", JSON_API)
                .method(operation.method(), HttpRequest.BodyPublishers.ofByteArray(body)).build();
    }

    private void pace(Operation operation) {
        Duration wait;
        while (!(wait = limits.tryAcquire(operation, timing.clock().instant())).isZero()) {
            pause(wait);
        }
    }

    private void observeLimits(Operation operation, HttpResponse<?> response) {
        RateLimitReport.parse(header(response, "RateLimit-Limit"), header(response, "RateLimit-Remaining"),
                        header(response, "RateLimit-Reset"))
                .ifPresent(report -> limits.observe(operation, timing.clock().instant(), report));
    }

    /** A header's value, its lines joined as a list field's are (RFC 9110, section 5.3); null when absent. */
    private static String header(HttpResponse<?> response, String name) {
        List<String> values = response.headers().allValues(name);
        return values.isEmpty() ? null : String.join(",", values);
    }

    private static Optional<Duration> retryAfter(HttpResponse<?> response) {
        return intHeader(response, "Retry-After").map(seconds -> Duration.ofSeconds(Math.max(0, seconds)));
    }

    private static Optional<Integer> intHeader(HttpResponse<?> response, String name) {
        return response.headers().firstValue(name).map(String::trim).filter(v -> v.matches("-?\\d{1,9}"))
                .map(Integer::valueOf);
    }

    private void pause(Duration duration) {
        try {
            timing.sleeper().sleep(duration);
        } catch (InterruptedException e) {
            throw interrupted(e);
        }
    }

    private static TransientException interrupted(InterruptedException e) {
        Thread.currentThread().interrupt();
        return new TransientException("KLAVIYO_INTERRUPTED", "Interrupted while talking to Klaviyo", null, e);
    }
}
