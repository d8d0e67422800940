package dev.nsbridge.sandbox.klaviyo;

import com.atlassian.oai.validator.OpenApiInteractionValidator;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * Klaviyo's OpenAPI spec, revision 2026-07-15, as the sandbox uses it: a request validator for the served
 * operations, every operation's rate limit and scopes, and which paths exist at all. Parsed once per JVM because
 * the validator's preparation is the slowest part of starting a sandbox.
 */
final class KlaviyoContract {
    static final String REVISION = "2026-07-15";
    static final String RESOURCE = "/dev/nsbridge/sandbox/klaviyo/openapi-2026-07-15.json";
    static final Set<String> HTTP_METHODS = Set.of("get", "post", "patch", "put", "delete");

    /** The operations the sandbox answers; a request to any other operation of the spec gets 501. */
    static final Set<String> SERVED = Set.of(
            "GET /api/accounts",
            "GET /api/profiles",
            "POST /api/profiles",
            "GET /api/profiles/{id}",
            "PATCH /api/profiles/{id}",
            "POST /api/profile-import",
            "POST /api/profile-bulk-import-jobs",
            "GET /api/profile-bulk-import-jobs",
            "GET /api/profile-bulk-import-jobs/{job_id}",
            "GET /api/profile-bulk-import-jobs/{id}/import-errors",
            "GET /api/profile-bulk-import-jobs/{id}/profiles",
            "GET /api/profile-bulk-import-jobs/{id}/relationships/profiles",
            "GET /api/events",
            "POST /api/events",
            "POST /api/event-bulk-create-jobs",
            "GET /api/lists",
            "POST /api/lists",
            "GET /api/lists/{id}/profiles",
            "GET /api/lists/{id}/relationships/profiles",
            "POST /api/lists/{id}/relationships/profiles",
            "POST /api/profile-subscription-bulk-create-jobs",
            "POST /api/profile-subscription-bulk-delete-jobs",
            "POST /api/profile-suppression-bulk-create-jobs",
            "GET /api/profile-suppression-bulk-create-jobs/{job_id}",
            "POST /api/profile-suppression-bulk-delete-jobs",
            "GET /api/profile-suppression-bulk-delete-jobs/{job_id}",
            "POST /api/catalog-items",
            "GET /api/catalog-items/{id}",
            "PATCH /api/catalog-items/{id}",
            "POST /api/catalog-item-bulk-create-jobs",
            "GET /api/catalog-item-bulk-create-jobs/{job_id}",
            "POST /api/catalog-item-bulk-update-jobs",
            "GET /api/catalog-item-bulk-update-jobs/{job_id}",
            "GET /api/catalog-items",
            "POST /api/catalog-item-bulk-delete-jobs",
            "GET /api/catalog-item-bulk-delete-jobs/{job_id}",
            "GET /api/catalog-variants",
            "POST /api/catalog-variant-bulk-create-jobs",
            "GET /api/catalog-variant-bulk-create-jobs/{job_id}",
            "POST /api/catalog-variant-bulk-update-jobs",
            "GET /api/catalog-variant-bulk-update-jobs/{job_id}",
            "POST /api/catalog-variant-bulk-delete-jobs",
            "GET /api/catalog-variant-bulk-delete-jobs/{job_id}");

    private final OpenApiInteractionValidator validator;
    private final Map<String, Operation> operations;

    /** One operation of the spec: {@code key} is {@code "POST /api/profile-import"}. */
    record Operation(String key, String method, String template, Pattern pattern, RateLimit rateLimit,
                     List<String> scopes) {
    }

    private KlaviyoContract(OpenApiInteractionValidator validator, Map<String, Operation> operations) {
        this.validator = validator;
        this.operations = operations;
    }

    static KlaviyoContract shared() {
        return Holder.CONTRACT;
    }

    /** The class-holder idiom makes the one-time load lazy and thread-safe without a mutable static. */
    private static final class Holder {
        static final KlaviyoContract CONTRACT = load();
    }

    private static KlaviyoContract load() {
        ObjectMapper mapper = new ObjectMapper();
        JsonNode spec;
        try (InputStream in = KlaviyoContract.class.getResourceAsStream(RESOURCE)) {
            if (in == null) {
                throw new IllegalStateException("Klaviyo's spec is missing from the classpath: " + RESOURCE);
            }
            spec = mapper.readTree(in);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        Map<String, Operation> operations = readOperations(spec);
        String subset = SpecSubset.of(spec, SERVED).toString();
        // Resolving allOf into one schema keeps the validator's strict "no unknown property" check from refusing
        // a property that another branch of the same allOf declares.
        OpenApiInteractionValidator validator = OpenApiInteractionValidator.createForInlineApiSpecification(subset)
                .withResolveCombinators(true)
                .build();
        return new KlaviyoContract(validator, operations);
    }

    private static Map<String, Operation> readOperations(JsonNode spec) {
        Map<String, Operation> operations = new LinkedHashMap<>();
        spec.get("paths").fields().forEachRemaining(path -> path.getValue().fields().forEachRemaining(op -> {
            if (!HTTP_METHODS.contains(op.getKey())) {
                return;
            }
            String method = op.getKey().toUpperCase();
            String key = method + " " + path.getKey();
            JsonNode limit = op.getValue().path("x-klaviyo-ratelimit");
            RateLimit rateLimit = limit.isMissingNode() ? null
                    : RateLimit.parse(limit.path("burst").asText(null), limit.path("steady").asText(null));
            List<String> scopes = new java.util.ArrayList<>();
            op.getValue().path("x-klaviyo-scopes").forEach(scope -> scopes.add(scope.asText()));
            operations.put(key, new Operation(key, method, path.getKey(), templatePattern(path.getKey()),
                    rateLimit, List.copyOf(scopes)));
        }));
        List<String> missing = SERVED.stream().filter(key -> !operations.containsKey(key)).sorted().toList();
        if (!missing.isEmpty()) {
            throw new IllegalStateException("the spec lacks served operations " + missing);
        }
        return Map.copyOf(operations);
    }

    private static Pattern templatePattern(String template) {
        return Pattern.compile(Pattern.quote(template).replaceAll("\\{[^}]+}", "\\\\E[^/]+\\\\Q"));
    }

    OpenApiInteractionValidator validator() {
        return validator;
    }

    Operation operation(String key) {
        Operation operation = operations.get(key);
        if (operation == null) {
            throw new IllegalArgumentException("not an operation of the spec: " + key);
        }
        return operation;
    }

    /** The spec's operation for a concrete request, if the spec has one. */
    Optional<Operation> match(String method, String path) {
        String trimmed = path.length() > 1 && path.endsWith("/") ? path.substring(0, path.length() - 1) : path;
        return operations.values().stream()
                .filter(op -> op.method().equals(method) && op.pattern().matcher(trimmed).matches())
                .min(java.util.Comparator.comparing(op -> op.template().chars().filter(c -> c == '{').count()));
    }

    /** Whether some method of the spec serves this path, so a wrong method can be told from an unknown path. */
    boolean knowsPath(String path) {
        return operations.values().stream().anyMatch(op -> op.pattern().matcher(path).matches());
    }
}
