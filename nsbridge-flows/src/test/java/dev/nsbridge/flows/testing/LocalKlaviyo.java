package dev.nsbridge.flows.testing;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import dev.nsbridge.flows.delivery.Json;
import java.io.IOException;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.URI;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A hand-written stand-in for Klaviyo until the project's Klaviyo sandbox lands: it keeps what it was sent the way
 * Klaviyo would (profiles by external id, events once per profile, metric and unique id, subscriptions, catalog
 * items), finishes every job at once, and records every request so a test can check it against the spec.
 */
public final class LocalKlaviyo implements AutoCloseable {
    /** One request as received. */
    public record Request(String method, String path, String rawQuery, Map<String, String> headers, String body) {
    }

    /** One subscription as received: whose, and whether as a historical import. */
    public record Subscribed(String email, boolean historicalImport, String consentedAt) {
    }

    private static final Pattern EQUALS = Pattern.compile("equals\\(external_id,\"([^\"]*)\"\\)");
    private final HttpServer server;
    private final List<Request> requests = new ArrayList<>();
    private final Map<String, String> profileIds = new LinkedHashMap<>();
    private final Set<String> eventKeys = new HashSet<>();
    private final List<String> duplicateEvents = new ArrayList<>();
    private final List<Subscribed> subscribed = new ArrayList<>();
    private final Map<String, JsonNode> catalog = new LinkedHashMap<>();
    private final Map<String, ObjectNode> jobs = new LinkedHashMap<>();
    private final Map<String, ArrayNode> importErrors = new LinkedHashMap<>();
    private final Set<String> refusedEmails = new HashSet<>();
    private final List<ObjectNode> suppressed = new ArrayList<>();

    public LocalKlaviyo() throws IOException {
        server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
        server.createContext("/", this::handle);
        server.start();
    }

    public URI baseUri() {
        return URI.create("http://127.0.0.1:" + server.getAddress().getPort());
    }

    /** Import jobs will refuse profiles with this email, as Klaviyo refuses some it cannot deliver to. */
    public synchronized void refuseEmail(String email) {
        refusedEmails.add(email);
    }

    /** A profile Klaviyo suppressed (e.g. it unsubscribed) at {@code timestamp}. */
    public synchronized void suppress(String email, String timestamp) {
        ObjectNode profile = Json.mapper().createObjectNode().put("type", "profile").put("id", "S" + suppressed.size());
        ObjectNode attributes = profile.putObject("attributes").put("email", email);
        attributes.putObject("subscriptions").putObject("email").putObject("marketing").put("consent", "UNSUBSCRIBED")
                .putArray("suppression").addObject().put("reason", "UNSUBSCRIBE").put("timestamp", timestamp);
        suppressed.add(profile);
    }

    public synchronized List<Request> requests() {
        return List.copyOf(requests);
    }

    public synchronized Map<String, String> profiles() {
        return Map.copyOf(profileIds);
    }

    public synchronized Set<String> eventKeys() {
        return Set.copyOf(eventKeys);
    }

    public synchronized List<String> duplicateEvents() {
        return List.copyOf(duplicateEvents);
    }

    public synchronized List<Subscribed> subscribed() {
        return List.copyOf(subscribed);
    }

    public synchronized Map<String, JsonNode> catalog() {
        return Map.copyOf(catalog);
    }

    private void handle(HttpExchange exchange) throws IOException {
        String body = new String(exchange.getRequestBody().readAllBytes(), StandardCharsets.UTF_8);
        Map<String, String> headers = new LinkedHashMap<>();
        exchange.getRequestHeaders().forEach((name, values) -> headers.put(name.toLowerCase(), values.get(0)));
        URI uri = exchange.getRequestURI();
        Request request = new Request(exchange.getRequestMethod(), uri.getRawPath(), uri.getRawQuery(), headers, body);
        String answer;
        int status;
        synchronized (this) {
            requests.add(request);
            status = request.method().equals("GET") ? 200 : 202;
            answer = answer(request);
        }
        byte[] bytes = answer == null ? new byte[0] : answer.getBytes(StandardCharsets.UTF_8);
        if (bytes.length > 0) {
            exchange.getResponseHeaders().add("Content-Type", "application/vnd.api+json");
        }
        exchange.sendResponseHeaders(status, bytes.length == 0 ? -1 : bytes.length);
        if (bytes.length > 0) {
            try (OutputStream out = exchange.getResponseBody()) {
                out.write(bytes);
            }
        }
        exchange.close();
    }

    private String answer(Request request) {
        String path = request.path();
        if (request.method().equals("POST")) {
            JsonNode data = Json.tree(request.body()).path("data");
            return switch (path) {
                case "/api/profile-bulk-import-jobs" -> importProfiles(data);
                case "/api/profile-subscription-bulk-create-jobs" -> subscribe(data);
                case "/api/event-bulk-create-jobs" -> bulkEvents(data);
                case "/api/events" -> {
                    event(data.path("attributes").path("profile").path("data"), data);
                    yield null;
                }
                case "/api/catalog-item-bulk-create-jobs" -> catalogItems(data);
                default -> throw new IllegalStateException("not served: POST " + path);
            };
        }
        if (path.startsWith("/api/profile-bulk-import-jobs/") && path.endsWith("/import-errors")) {
            String id = path.split("/")[3];
            return Json.text(Json.mapper().createObjectNode().<ObjectNode>set("data", importErrors.get(id))
                    .set("links", Json.mapper().createObjectNode().putNull("next")));
        }
        if (path.startsWith("/api/profile-bulk-import-jobs/") || path.startsWith("/api/catalog-item-bulk-create-jobs/")) {
            return document(jobs.get(path.substring(path.lastIndexOf('/') + 1)));
        }
        if (path.equals("/api/profiles")) {
            return profilesPage(URLDecoder.decode(request.rawQuery() == null ? "" : request.rawQuery(),
                    StandardCharsets.UTF_8));
        }
        throw new IllegalStateException("not served: GET " + path);
    }

    private String importProfiles(JsonNode data) {
        ArrayNode errors = Json.mapper().createArrayNode();
        int total = 0;
        for (JsonNode profile : data.path("attributes").path("profiles").path("data")) {
            total++;
            JsonNode attributes = profile.path("attributes");
            if (refusedEmails.contains(attributes.path("email").asText())) {
                ObjectNode error = errors.addObject().put("type", "import-error").put("id", "E" + errors.size());
                error.putObject("attributes").put("code", "invalid").put("title", "Invalid input.")
                        .put("detail", "The email address is undeliverable.")
                        .<ObjectNode>set("original_payload", attributes.deepCopy())
                        .putObject("source").put("pointer", "/data/attributes/email");
                continue;
            }
            profileIds.computeIfAbsent(attributes.path("external_id").asText(), id -> "P" + (profileIds.size() + 1));
        }
        return job("profile-bulk-import-job", total, errors);
    }

    private String job(String type, int total, ArrayNode errors) {
        String id = "J" + (jobs.size() + 1);
        ObjectNode job = Json.mapper().createObjectNode().put("type", type).put("id", id);
        job.putObject("attributes").put("status", "complete").put("total_count", total)
                .put("completed_count", total - errors.size()).put("failed_count", errors.size());
        jobs.put(id, job);
        importErrors.put(id, errors);
        return document(job);
    }

    private String subscribe(JsonNode data) {
        boolean historical = data.path("attributes").path("historical_import").asBoolean(false);
        for (JsonNode profile : data.path("attributes").path("profiles").path("data")) {
            JsonNode attributes = profile.path("attributes");
            subscribed.add(new Subscribed(attributes.path("email").asText(null), historical, attributes
                    .path("subscriptions").path("email").path("marketing").path("consented_at").asText(null)));
        }
        return null;
    }

    private String bulkEvents(JsonNode data) {
        for (JsonNode entry : data.path("attributes").path("events-bulk-create").path("data")) {
            JsonNode profile = entry.path("attributes").path("profile").path("data");
            for (JsonNode event : entry.path("attributes").path("events").path("data")) {
                event(profile, event);
            }
        }
        return null;
    }

    private void event(JsonNode profile, JsonNode event) {
        JsonNode attributes = event.path("attributes");
        String key = profile.path("attributes").path("external_id").asText() + "|"
                + attributes.path("metric").path("data").path("attributes").path("name").asText() + "|"
                + attributes.path("unique_id").asText();
        if (!eventKeys.add(key)) {
            duplicateEvents.add(key);
        }
    }

    private String catalogItems(JsonNode data) {
        int total = 0;
        for (JsonNode item : data.path("attributes").path("items").path("data")) {
            catalog.put(item.path("attributes").path("external_id").asText(), item.path("attributes"));
            total++;
        }
        return job("catalog-item-bulk-create-job", total, Json.mapper().createArrayNode());
    }

    private String profilesPage(String query) {
        ArrayNode data = Json.mapper().createArrayNode();
        Matcher equals = EQUALS.matcher(query);
        if (equals.find()) {
            String id = profileIds.get(equals.group(1));
            if (id != null) {
                data.addObject().put("type", "profile").put("id", id).putObject("attributes")
                        .put("external_id", equals.group(1));
            }
        } else if (query.contains("suppression.timestamp")) {
            String after = query.replaceAll(".*greater-than\\(subscriptions\\.email\\.marketing\\.suppression\\."
                    + "timestamp,([^)]*)\\).*", "$1");
            suppressed.stream().filter(p -> p.path("attributes").path("subscriptions").path("email").path("marketing")
                    .path("suppression").path(0).path("timestamp").asText().compareTo(after) > 0).forEach(data::add);
        }
        return Json.text(Json.mapper().createObjectNode().<ObjectNode>set("data", data)
                .set("links", Json.mapper().createObjectNode().putNull("next")));
    }

    private static String document(JsonNode data) {
        return Json.text(Json.mapper().createObjectNode().set("data", data));
    }

    @Override
    public void close() {
        server.stop(0);
    }
}
