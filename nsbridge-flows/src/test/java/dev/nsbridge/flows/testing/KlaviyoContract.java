package dev.nsbridge.flows.testing;

import com.atlassian.oai.validator.OpenApiInteractionValidator;
import com.atlassian.oai.validator.model.SimpleRequest;
import com.atlassian.oai.validator.report.ValidationReport;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.nsbridge.flows.delivery.Json;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * Klaviyo's OpenAPI spec (the copy the sandbox module ships) as a request validator. Only the paths the flows call
 * and the schemas they reach are kept: the validator inlines every schema it compiles, and the whole 3 MB spec
 * would exhaust a test's heap, while schemas no used path reaches cannot change a verdict.
 */
public final class KlaviyoContract {
    private static final String RESOURCE = "/dev/nsbridge/sandbox/klaviyo/openapi-2026-07-15.json";
    private static final List<String> PATHS = List.of("/api/profile-bulk-import-jobs",
            "/api/profile-bulk-import-jobs/{job_id}", "/api/profile-bulk-import-jobs/{id}/import-errors",
            "/api/profile-subscription-bulk-create-jobs", "/api/event-bulk-create-jobs", "/api/events",
            "/api/catalog-item-bulk-create-jobs", "/api/catalog-item-bulk-create-jobs/{job_id}", "/api/profiles");

    private static final class Holder {
        static final OpenApiInteractionValidator VALIDATOR =
                OpenApiInteractionValidator.createForInlineApiSpecification(pruned()).build();
    }

    private KlaviyoContract() {
    }

    /** The spec's errors for one request; empty when it conforms. */
    public static String problems(LocalKlaviyo.Request request) {
        SimpleRequest.Builder builder = new SimpleRequest.Builder(request.method(), request.path());
        request.headers().forEach(builder::withHeader);
        if (request.rawQuery() != null) {
            for (String pair : request.rawQuery().split("&")) {
                int equals = pair.indexOf('=');
                builder.withQueryParam(decode(equals < 0 ? pair : pair.substring(0, equals)),
                        equals < 0 ? "" : decode(pair.substring(equals + 1)));
            }
        }
        if (!request.body().isEmpty()) {
            builder.withBody(request.body());
        }
        ValidationReport report = Holder.VALIDATOR.validateRequest(builder.build());
        return report.getMessages().stream().filter(m -> m.getLevel() == ValidationReport.Level.ERROR)
                .map(m -> request.method() + " " + request.path() + ": " + m.getMessage())
                .collect(Collectors.joining("\n"));
    }

    private static String decode(String text) {
        return URLDecoder.decode(text, StandardCharsets.UTF_8);
    }

    private static String pruned() {
        JsonNode spec;
        try (InputStream in = KlaviyoContract.class.getResourceAsStream(RESOURCE)) {
            spec = Json.mapper().readTree(in);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        ObjectNode copy = (ObjectNode) spec.deepCopy();
        ObjectNode paths = copy.putObject("paths");
        PATHS.forEach(path -> paths.set(path, spec.path("paths").path(path)));
        Set<String> reached = new HashSet<>();
        Deque<JsonNode> pending = new ArrayDeque<>(List.of(paths));
        while (!pending.isEmpty()) {
            JsonNode node = pending.pop();
            if (node.isObject() && node.has("$ref") && node.get("$ref").asText().startsWith("#/components/")) {
                String[] parts = node.get("$ref").asText().split("/");
                if (reached.add(parts[2] + "/" + parts[3])) {
                    pending.push(spec.path("components").path(parts[2]).path(parts[3]));
                }
            }
            node.forEach(pending::push);
        }
        ObjectNode components = copy.putObject("components");
        spec.path("components").fields().forEachRemaining(kind -> {
            ObjectNode kept = components.putObject(kind.getKey());
            kind.getValue().fields().forEachRemaining(entry -> {
                if (reached.contains(kind.getKey() + "/" + entry.getKey()) || kind.getKey().equals("securitySchemes")) {
                    kept.set(entry.getKey(), entry.getValue());
                }
            });
        });
        return copy.toString();
    }
}
