package dev.nsbridge.bench.klaviyo;

import dev.nsbridge.klaviyo.KlaviyoClient;
import dev.nsbridge.klaviyo.KlaviyoSettings;
import dev.nsbridge.klaviyo.http.Sleeper;
import dev.nsbridge.klaviyo.http.Timing;
import dev.nsbridge.sandbox.MovableClock;
import dev.nsbridge.sandbox.klaviyo.KlaviyoSandbox;
import dev.nsbridge.spi.secret.Secret;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.SplittableRandom;

/**
 * A local Klaviyo with its real rate limits and the nsbridge client that talks to it, sharing one clock.
 *
 * <p>Why the client's waits move the sandbox clock instead of sleeping: the steady window is a minute, and only
 * minutes of traffic show whether a sender holds its ceiling. The client sends from one thread, so whenever it
 * waits (for its pace, a {@code Retry-After} or a job poll) nothing at all is happening; skipping that idle time
 * changes no request's place in the sandbox's windows. Everything that is work (building requests, HTTP, the
 * sandbox's spec check, job processing) takes real time, and the clock follows real time too, so work is never
 * skipped and throughput is measured on the clock the limits are enforced on.
 */
final class BenchKlaviyo implements AutoCloseable {
    private final KlaviyoSandbox sandbox;
    private final KlaviyoClient client;

    BenchKlaviyo() {
        MovableClock clock = MovableClock.system();
        this.sandbox = KlaviyoSandbox.start(KlaviyoSandbox.Options.defaults().withClock(clock));
        sandbox.knobs().rateLimitsEnforced(true);
        // Jobs finish as soon as they are looked at: the figure is the request ceiling, not Klaviyo's job backlog.
        sandbox.knobs().jobSpeed(Duration.ZERO, 100_000_000);
        Sleeper skipIdleTime = clock::advance;
        this.client = new KlaviyoClient(HttpClient.newHttpClient(),
                KlaviyoSettings.of(Secret.of(sandbox.privateApiKey())).withBaseUri(sandbox.baseUrl()),
                new Timing(clock, skipIdleTime, new SplittableRandom(7)));
    }

    KlaviyoSandbox sandbox() {
        return sandbox;
    }

    KlaviyoClient client() {
        return client;
    }

    MovableClock clock() {
        return sandbox.clock();
    }

    /** The nsbridge client reads lists but does not make them; an account owner would have, through the API. */
    String createList(String name) throws IOException, InterruptedException {
        String body = "{\"data\":{\"type\":\"list\",\"attributes\":{\"name\":\"" + name + "\"}}}";
        HttpRequest request = HttpRequest.newBuilder(URI.create(sandbox.baseUrl() + "/api/lists"))
                .header("Authorization", "Klaviyo-API-Key " + sandbox.privateApiKey())
                .header("revision", "2026-07-15").header("accept", "application/vnd.api+json")
                .header("content-type", "application/vnd.api+json")
                .POST(HttpRequest.BodyPublishers.ofString(body)).build();
        HttpResponse<String> response = HttpClient.newHttpClient().send(request, HttpResponse.BodyHandlers.ofString());
        if (response.statusCode() != 201) {
            throw new IllegalStateException("the sandbox refused the list: " + response.body());
        }
        return sandbox.lists().stream().filter(list -> list.name().equals(name)).findFirst().orElseThrow().id();
    }

    @Override
    public void close() {
        sandbox.close();
    }
}
