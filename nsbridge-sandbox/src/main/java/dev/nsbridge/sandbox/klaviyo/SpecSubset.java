package dev.nsbridge.sandbox.klaviyo;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.HashSet;
import java.util.Iterator;
import java.util.Map;
import java.util.Set;

/**
 * Cuts Klaviyo's spec down to the operations the sandbox serves and the components they reference. The whole 3 MB
 * spec takes the validator over half a minute to parse and prepare on a shared two-core machine; the served part,
 * unchanged, takes a few seconds. Nothing inside a kept operation or component is altered.
 */
final class SpecSubset {
    private static final String REF_PREFIX = "#/components/";

    private SpecSubset() {
    }

    /** @param served operations as {@code "POST /api/profile-import"} */
    static ObjectNode of(JsonNode spec, Set<String> served) {
        ObjectNode subset = spec.deepCopy();
        ObjectNode paths = (ObjectNode) subset.get("paths");
        Iterator<Map.Entry<String, JsonNode>> pathIterator = paths.fields();
        while (pathIterator.hasNext()) {
            Map.Entry<String, JsonNode> path = pathIterator.next();
            ObjectNode item = (ObjectNode) path.getValue();
            Iterator<String> names = item.fieldNames();
            while (names.hasNext()) {
                String name = names.next();
                if (KlaviyoContract.HTTP_METHODS.contains(name)
                        && !served.contains(name.toUpperCase() + " " + path.getKey())) {
                    names.remove();
                }
            }
            if (KlaviyoContract.HTTP_METHODS.stream().noneMatch(item::has)) {
                pathIterator.remove();
            }
        }
        subset.set("components", reachableComponents(spec.get("components"), paths));
        return subset;
    }

    private static ObjectNode reachableComponents(JsonNode components, JsonNode from) {
        ObjectNode kept = components.deepCopy();
        Set<String> reached = new HashSet<>();
        Deque<JsonNode> pending = new ArrayDeque<>();
        pending.push(from);
        while (!pending.isEmpty()) {
            collectRefs(pending.pop(), ref -> {
                if (reached.add(ref)) {
                    pending.push(components.at("/" + ref));
                }
            });
        }
        kept.fields().forEachRemaining(kind -> {
            if (kind.getKey().equals("securitySchemes")) {
                return;
            }
            Iterator<String> names = kind.getValue().fieldNames();
            while (names.hasNext()) {
                if (!reached.contains(kind.getKey() + "/" + names.next())) {
                    names.remove();
                }
            }
        });
        return kept;
    }

    private static void collectRefs(JsonNode node, java.util.function.Consumer<String> sink) {
        if (node.isObject()) {
            JsonNode ref = node.get("$ref");
            if (ref != null && ref.isTextual() && ref.asText().startsWith(REF_PREFIX)) {
                sink.accept(ref.asText().substring(REF_PREFIX.length()));
            }
            node.elements().forEachRemaining(child -> collectRefs(child, sink));
        } else if (node.isArray()) {
            node.elements().forEachRemaining(child -> collectRefs(child, sink));
        }
    }
}
