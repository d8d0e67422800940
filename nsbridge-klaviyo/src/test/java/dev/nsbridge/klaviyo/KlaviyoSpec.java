package dev.nsbridge.klaviyo;

import com.atlassian.oai.validator.OpenApiInteractionValidator;
import com.atlassian.oai.validator.model.SimpleRequest;
import com.atlassian.oai.validator.report.ValidationReport;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.nsbridge.klaviyo.limits.Operation;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.util.stream.Collectors;

/** Klaviyo's OpenAPI spec (revision 2026-07-15) as the sandbox module ships it, read once per test run. */
final class KlaviyoSpec {
    static final String RESOURCE = "/dev/nsbridge/sandbox/klaviyo/openapi-2026-07-15.json";

    private static final class Holder {
        static final String TEXT = read();
        static final OpenApiInteractionValidator VALIDATOR =
                OpenApiInteractionValidator.createForInlineApiSpecification(pruned(TEXT)).build();
    }

    private KlaviyoSpec() {
    }

    static JsonNode tree() {
        try {
            return new ObjectMapper().readTree(Holder.TEXT);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** The validator's findings for one recorded request; empty when the spec accepts it. */
    static String problems(FakeKlaviyo.Captured request) {
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
        return report.getMessages().stream()
                .filter(message -> message.getLevel() == ValidationReport.Level.ERROR)
                .map(message -> message.getKey() + ": " + message.getMessage())
                .collect(Collectors.joining("\n"));
    }

    /**
     * The spec cut to the paths the client uses and the components they reach. The validator copies every component
     * schema into each schema it compiles, which for Klaviyo's 3 MB spec exhausts the heap; schemas no used path
     * reaches cannot change a verdict, so leaving them out only saves memory.
     */
    static String pruned(String text) {
        try {
            ObjectMapper mapper = new ObjectMapper();
            ObjectNode spec = (ObjectNode) mapper.readTree(text);
            ObjectNode paths = mapper.createObjectNode();
            for (Operation operation : Operation.values()) {
                paths.set(operation.pathTemplate(), spec.path("paths").path(operation.pathTemplate()));
            }
            spec.set("paths", paths);
            Set<String> reached = new HashSet<>();
            Deque<JsonNode> pending = new ArrayDeque<>(List.of(paths));
            while (!pending.isEmpty()) {
                JsonNode node = pending.pop();
                if (node.isObject() && node.path("$ref").isTextual()) {
                    String ref = node.path("$ref").asText();
                    if (reached.add(ref)) {
                        pending.push(spec.at(ref.substring(1)));
                    }
                }
                node.elements().forEachRemaining(pending::push);
            }
            ObjectNode components = (ObjectNode) spec.path("components");
            for (String section : List.of("schemas", "responses", "parameters", "requestBodies")) {
                if (components.path(section).isObject()) {
                    ObjectNode kept = mapper.createObjectNode();
                    components.path(section).fields().forEachRemaining(entry -> {
                        if (reached.contains("#/components/" + section + "/" + entry.getKey())) {
                            kept.set(entry.getKey(), entry.getValue());
                        }
                    });
                    components.set(section, kept);
                }
            }
            return mapper.writeValueAsString(spec);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static String decode(String text) {
        return URLDecoder.decode(text, StandardCharsets.UTF_8);
    }

    private static String read() {
        try (InputStream in = KlaviyoSpec.class.getResourceAsStream(RESOURCE)) {
            if (in == null) {
                throw new IllegalStateException(RESOURCE + " is not on the test classpath (nsbridge-sandbox)");
            }
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
