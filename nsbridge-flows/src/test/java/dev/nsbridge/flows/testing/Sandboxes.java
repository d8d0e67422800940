package dev.nsbridge.flows.testing;

import dev.nsbridge.flows.FlowContext;
import dev.nsbridge.flows.FlowPieces;
import dev.nsbridge.flows.FlowType;
import dev.nsbridge.flows.Flows;
import dev.nsbridge.flows.delivery.DryRunRecorder;
import dev.nsbridge.flows.delivery.Json;
import dev.nsbridge.klaviyo.KlaviyoClient;
import dev.nsbridge.klaviyo.KlaviyoSettings;
import dev.nsbridge.klaviyo.http.Timing;
import dev.nsbridge.netsuite.NetSuiteAccountId;
import dev.nsbridge.netsuite.NetSuiteClient;
import dev.nsbridge.netsuite.NetSuiteConnection;
import dev.nsbridge.netsuite.auth.TbaAuth;
import dev.nsbridge.netsuite.auth.TbaCredentials;
import dev.nsbridge.netsuite.suiteql.SuiteQlQuery;
import dev.nsbridge.netsuite.suiteql.SuiteQlRow;
import dev.nsbridge.sandbox.klaviyo.KlaviyoSandbox;
import dev.nsbridge.sandbox.netsuite.NetSuiteSandbox;
import dev.nsbridge.spi.secret.Secret;
import dev.nsbridge.spi.state.Ledger;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * The two local services the flows run between, the real ones `nsbridge sandbox` starts: NetSuite at a small scale
 * and Klaviyo with its rate limits enforced. Klaviyo's bulk jobs finish as soon as they are submitted, so a test
 * reads the outcome at once instead of polling; everything else (spec checks, unique ids, 409s) is Klaviyo's.
 */
public final class Sandboxes implements AutoCloseable {
    private static final double SCALE = 0.05;

    private final NetSuiteSandbox netSuiteSandbox;
    private final KlaviyoSandbox klaviyoSandbox;
    private final NetSuiteClient netSuite;
    private final KlaviyoClient klaviyo;
    private final String listId;
    // Stands in for the state store, which outlives a process: a flow built again after a "crash" finds its ledger.
    private final Map<String, Ledger> ledgers = new ConcurrentHashMap<>();

    private Sandboxes(NetSuiteSandbox netSuiteSandbox, KlaviyoSandbox klaviyoSandbox, Path state) {
        this.netSuiteSandbox = netSuiteSandbox;
        this.klaviyoSandbox = klaviyoSandbox;
        klaviyoSandbox.knobs().jobSpeed(Duration.ZERO, 10_000_000);
        NetSuiteAccountId account = NetSuiteAccountId.parse(netSuiteSandbox.accountId());
        NetSuiteSandbox.Tba tba = netSuiteSandbox.credentials().tba();
        TbaAuth auth = new TbaAuth(new TbaCredentials(account, Secret.of(tba.consumerKey()),
                Secret.of(tba.consumerSecret()), Secret.of(tba.tokenId()), Secret.of(tba.tokenSecret())),
                netSuiteSandbox.clock());
        this.netSuite = new NetSuiteClient(NetSuiteConnection.of(account, auth, state)
                .withBaseUrl(netSuiteSandbox.baseUrl()), HttpClient.newHttpClient(), Clock.systemUTC());
        this.klaviyo = new KlaviyoClient(HttpClient.newHttpClient(),
                KlaviyoSettings.of(Secret.of(klaviyoSandbox.privateApiKey())).withBaseUri(klaviyoSandbox.baseUrl()),
                Timing.system());
        this.listId = createList("Newsletter");
    }

    public static Sandboxes start(Path state) {
        return start(state, SCALE);
    }

    /** @param scale the NetSuite account's size: 1 is about 1,000 customers */
    public static Sandboxes start(Path state, double scale) {
        NetSuiteSandbox netSuite = NetSuiteSandbox.start(NetSuiteSandbox.Options.defaults().withScale(scale));
        return new Sandboxes(netSuite, KlaviyoSandbox.start(KlaviyoSandbox.Options.defaults()), state);
    }

    public NetSuiteSandbox netSuiteSandbox() {
        return netSuiteSandbox;
    }

    public KlaviyoSandbox klaviyoSandbox() {
        return klaviyoSandbox;
    }

    public NetSuiteClient netSuite() {
        return netSuite;
    }

    public KlaviyoClient klaviyo() {
        return klaviyo;
    }

    /** The Klaviyo list the customer flows subscribe to. */
    public String listId() {
        return listId;
    }

    public FlowPieces flow(String type, Map<String, Object> settings, DryRunRecorder recorder, Instant liveSince) {
        String name = type + "-flow";
        return Flows.build(type, name, new FlowContext(netSuite, klaviyo,
                FlowType.fromWireName(type).orElseThrow().settings().parse(settings).orThrow(), liveSince,
                Clock.systemUTC(), recorder, ledger(name)));
    }

    /**
     * Every request the local Klaviyo received that its OpenAPI spec refuses, as "status METHOD path": the flow tests
     * expect none, whatever they sent.
     */
    public List<String> offSpecKlaviyoRequests() {
        return klaviyoSandbox.received().stream().filter(r -> !r.valid())
                .map(r -> r.status() + " " + r.method() + " " + r.path()).toList();
    }

    /** The durable ledger of the flow with this name, as every process running it would find it. */
    public Ledger ledger(String flowName) {
        return ledgers.computeIfAbsent(flowName, name -> Ledger.inMemory());
    }

    /** A flow that went live now: NetSuite's records all predate it, as on a first sync. */
    public FlowPieces flow(String type, Map<String, Object> settings) {
        return flow(type, settings, DryRunRecorder.DISCARD, Instant.now());
    }

    public List<SuiteQlRow> query(String text, String... params) {
        return netSuite.suiteQl().page(SuiteQlQuery.of(text, params), 0, 1000).rows();
    }

    /**
     * Creates a list the way an account owner would have, through Klaviyo's API; the nsbridge client only reads
     * lists, so this one request is written by hand (and is checked against the spec like every other).
     */
    private String createList(String name) {
        String body = "{\"data\":{\"type\":\"list\",\"attributes\":{\"name\":\"" + name + "\"}}}";
        sendToKlaviyo("/api/lists", body, 201);
        return klaviyoSandbox.lists().stream().filter(list -> list.name().equals(name)).findFirst().orElseThrow().id();
    }

    /**
     * Suppresses emails the way an account owner or another integration would, through Klaviyo's bulk suppress
     * job (reason USER_SUPPRESSED); the job runs at once in these sandboxes.
     */
    public void suppressThroughKlaviyosApi(String... emails) {
        List<Map<String, Object>> profiles = Arrays.stream(emails).<Map<String, Object>>map(email -> Map.of(
                "type", "profile", "attributes", Map.of("email", email))).toList();
        sendToKlaviyo("/api/profile-suppression-bulk-create-jobs", Json.text(Map.of("data", Map.of(
                "type", "profile-suppression-bulk-create-job",
                "attributes", Map.of("profiles", Map.of("data", profiles))))), 202);
    }

    /**
     * Unsubscribes an email from all email marketing (no list named: a global unsubscribe), as a person clicking
     * "unsubscribe" in a message is, through the API.
     */
    public void unsubscribeThroughKlaviyosApi(String email) {
        sendToKlaviyo("/api/profile-subscription-bulk-delete-jobs", "{\"data\":{\"type\":"
                + "\"profile-subscription-bulk-delete-job\",\"attributes\":{\"profiles\":{\"data\":[{\"type\":"
                + "\"profile\",\"attributes\":{\"email\":\"" + email + "\",\"subscriptions\":{\"email\":"
                + "{\"marketing\":{\"consent\":\"UNSUBSCRIBED\"}}}}}]}}}}", 202);
    }

    private void sendToKlaviyo(String path, String body, int expectedStatus) {
        HttpRequest request = HttpRequest.newBuilder(URI.create(klaviyoSandbox.baseUrl() + path))
                .header("Authorization", "Klaviyo-API-Key " + klaviyoSandbox.privateApiKey())
                .header("revision", "2026-07-15").header("accept", "application/vnd.api+json")
                .header("content-type", "application/vnd.api+json")
                .POST(HttpRequest.BodyPublishers.ofString(body)).build();
        try {
            HttpResponse<String> response = HttpClient.newHttpClient().send(request,
                    HttpResponse.BodyHandlers.ofString());
            if (response.statusCode() != expectedStatus) {
                throw new IllegalStateException("the sandbox refused " + path + ": " + response.body());
            }
        } catch (IOException e) {
            throw new IllegalStateException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    @Override
    public void close() {
        try {
            klaviyoSandbox.close();
        } finally {
            netSuiteSandbox.close();
        }
    }
}
