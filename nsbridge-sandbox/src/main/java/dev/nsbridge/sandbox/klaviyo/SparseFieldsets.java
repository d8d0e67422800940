package dev.nsbridge.sandbox.klaviyo;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * JSON:API sparse fieldsets as Klaviyo applies them (developers.klaviyo.com/en/docs/sparse_fieldsets):
 * {@code fields[TYPE]=a,b} keeps only the listed attributes of every resource of that type, in {@code data} and in
 * {@code included}. A dotted name such as {@code location.city} keeps only that part of an object attribute. The
 * spec's enum on each {@code fields[…]} parameter, checked before the handler runs, decides which names an
 * endpoint accepts; {@code id} may be listed but is never trimmed, nor are relationships and links.
 */
final class SparseFieldsets {
    private static final Pattern FIELDS = Pattern.compile("fields\\[(.+)]");

    private SparseFieldsets() {
    }

    /** Trims the document in place for every {@code fields[…]} parameter of the query. */
    static void apply(JsonNode document, Map<String, List<String>> query) {
        Map<String, Map<String, Object>> wanted = new LinkedHashMap<>();
        query.forEach((name, values) -> {
            Matcher matcher = FIELDS.matcher(name);
            if (matcher.matches()) {
                Map<String, Object> tree = wanted.computeIfAbsent(matcher.group(1), type -> new LinkedHashMap<>());
                values.forEach(value -> List.of(value.split(",")).forEach(field -> add(tree, field.trim())));
            }
        });
        if (wanted.isEmpty() || document == null) {
            return;
        }
        trimResources(document.get("data"), wanted);
        trimResources(document.get("included"), wanted);
    }

    private static void trimResources(JsonNode resources, Map<String, Map<String, Object>> wanted) {
        if (resources == null) {
            return;
        }
        if (resources.isArray()) {
            resources.forEach(resource -> trimResources(resource, wanted));
            return;
        }
        Map<String, Object> tree = wanted.get(resources.path("type").asText());
        if (tree != null && resources.get("attributes") instanceof ObjectNode attributes) {
            trim(attributes, tree);
        }
    }

    @SuppressWarnings("unchecked")
    private static void add(Map<String, Object> tree, String dotted) {
        if (dotted.isEmpty()) {
            return;
        }
        int dot = dotted.indexOf('.');
        if (dot < 0) {
            tree.put(dotted, Boolean.TRUE);
            return;
        }
        Object child = tree.computeIfAbsent(dotted.substring(0, dot), key -> new LinkedHashMap<String, Object>());
        if (child instanceof Map<?, ?> map) {
            add((Map<String, Object>) map, dotted.substring(dot + 1));
        }
    }

    /** Boolean.TRUE in the tree keeps a key whole; a nested map keeps only its own keys. */
    @SuppressWarnings("unchecked")
    private static void trim(ObjectNode node, Map<String, Object> tree) {
        Iterator<Map.Entry<String, JsonNode>> fields = node.fields();
        while (fields.hasNext()) {
            Map.Entry<String, JsonNode> field = fields.next();
            Object rule = tree.get(field.getKey());
            if (rule == null) {
                fields.remove();
            } else if (rule instanceof Map<?, ?> nested && field.getValue() instanceof ObjectNode child) {
                trim(child, (Map<String, Object>) nested);
            }
        }
    }
}
