package dev.nsbridge.bench.klaviyo;

import dev.nsbridge.klaviyo.KlaviyoClient;
import dev.nsbridge.klaviyo.KlaviyoSettings;
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

/**
 * A local Klaviyo with its real rate limits and the nsbridge client that talks to it, both on real time.
 *
 * <p>Why real time and not a moved clock: with one sender, skipping the client's idle waits (for its pace, a
 * {@code Retry-After} or a job poll) would be safe, since nothing happens meanwhile; but on this machine one sender
 * is bound by CPU (building 1,000-event and 10,000-profile bodies, the sandbox's spec check of them) before it is
 * bound by Klaviyo's limits, and with several senders one's idle wait is another's work, which a moved clock would
 * not count. So the clock only follows the wall clock and every second of the run is a real second.
 */
final class BenchKlaviyo implements AutoCloseable {
    private final KlaviyoSandbox sandbox;
    private final KlaviyoClient client;

    BenchKlaviyo() {
        this.sandbox = KlaviyoSandbox.start(KlaviyoSandbox.Options.defaults().withClock(MovableClock.system()));
        sandbox.knobs().rateLimitsEnforced(true);
        // Jobs finish as soon as they are looked at: the figure is the request ceiling, not Klaviyo's job backlog.
        sandbox.knobs().jobSpeed(Duration.ZERO, 100_000_000);
        // One client for all senders, as for one account: its limiters see every request the quota counts.
        this.client = new KlaviyoClient(HttpClient.newHttpClient(),
                KlaviyoSettings.of(Secret.of(sandbox.privateApiKey())).withBaseUri(sandbox.baseUrl()),
                Timing.system());
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
