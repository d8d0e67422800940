package dev.nsbridge.sandbox.klaviyo;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.time.Instant;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * Catalog variants: each belongs to one catalog item (named by its {@code item} relationship when created, which
 * must exist) and goes when that item is deleted. Written by the variant bulk jobs and read by
 * {@code GET /api/catalog-variants} with the spec's {@code ids} and {@code item.id} filters.
 */
final class CatalogVariants {
    private static final int DEFAULT_PAGE_SIZE = 100;
    private static final List<String> UPDATABLE = List.of("title", "description", "sku", "inventory_policy",
            "inventory_quantity", "price", "url", "image_full_url", "image_thumbnail_url", "images",
            "custom_metadata", "published");

    /** A variant as kept: its item, its attributes in wire form, and when it was written. */
    private record Entry(String id, String itemId, ObjectNode attributes, Instant created, Instant updated) {
    }

    private final Catalog catalog;
    private final Map<String, Entry> variants = new LinkedHashMap<>();

    CatalogVariants(Catalog catalog) {
        this.catalog = catalog;
    }

    /** Creates a variant; answers its id, or the error that refused it (409 when it exists, 404 without its item). */
    Catalog.Result create(JsonNode resource, Instant now) {
        JsonNode attributes = resource.get("attributes");
        String id = Catalog.ID_PREFIX + attributes.get("external_id").asText();
        String itemId = resource.at("/relationships/item/data/id").asText();
        if (variants.containsKey(id)) {
            return Catalog.Result.failed(new ApiError(409, "conflict", "Conflict.",
                    "A catalog variant with id '" + id + "' already exists.", "/data/attributes/external_id", null,
                    Map.of()));
        }
        if (!catalog.exists(itemId)) {
            return Catalog.Result.failed(ApiError.notFound("There is no catalog item with id '" + itemId + "'."));
        }
        ObjectNode kept = JsonApi.object();
        kept.put("published", true);
        kept.put("inventory_policy", 0);
        kept.setAll((ObjectNode) attributes.deepCopy());
        kept.remove(List.of("integration_type", "catalog_type"));
        variants.put(id, new Entry(id, itemId, kept, now, now));
        return Catalog.Result.of(id);
    }

    /** Updates an existing variant; answers the error that refused it, if any. */
    Optional<ApiError> update(String id, JsonNode attributes, Instant now) {
        Entry existing = variants.get(id);
        if (existing == null) {
            return Optional.of(ApiError.notFound("There is no catalog variant with id '" + id + "'."));
        }
        ObjectNode merged = existing.attributes().deepCopy();
        attributes.fields().forEachRemaining(field -> {
            if (UPDATABLE.contains(field.getKey())) {
                merged.set(field.getKey(), field.getValue());
            }
        });
        variants.put(id, new Entry(id, existing.itemId(), merged, existing.created(), now));
        return Optional.empty();
    }

    Optional<ApiError> delete(String id) {
        return variants.remove(id) == null
                ? Optional.of(ApiError.notFound("There is no catalog variant with id '" + id + "'."))
                : Optional.empty();
    }

    /** Deleting an item deletes its variants. */
    void deleteOf(String itemId) {
        variants.values().removeIf(entry -> entry.itemId().equals(itemId));
    }

    /** {@code GET /api/catalog-variants}: filtered by {@code any(ids,[…])} and {@code equals(item.id,…)}. */
    ApiAnswer page(ApiCall call) {
        List<Entry> matching = variants.values().stream().sorted(Comparator.comparing(Entry::id)).toList();
        for (FilterTerms.Term term : FilterTerms.parse(call.queryParam("filter"))) {
            if (term.field().equals("ids") && term.operator().equals("any")) {
                Set<String> ids = Set.copyOf(term.list());
                matching = matching.stream().filter(entry -> ids.contains(entry.id())).toList();
            } else if (term.field().equals("item.id") && term.operator().equals("equals")) {
                matching = matching.stream().filter(entry -> entry.itemId().equals(term.text())).toList();
            } else {
                throw term.unsupported();
            }
        }
        return Paging.page(call, matching, DEFAULT_PAGE_SIZE, entry -> resource(entry.id(), call.baseUrl()));
    }

    /** A variant as the spec's {@code CatalogVariantResponseObjectResource}. */
    ObjectNode resource(String id, String baseUrl) {
        Entry entry = variants.get(id);
        ObjectNode attributes = entry.attributes().deepCopy();
        attributes.put("created", JsonApi.timestamp(entry.created()));
        attributes.put("updated", JsonApi.timestamp(entry.updated()));
        ObjectNode resource = JsonApi.resource("catalog-variant", id, attributes,
                baseUrl + "/api/catalog-variants/" + id + "/");
        ObjectNode item = resource.putObject("relationships").putObject("item");
        item.set("data", Resources.identifier("catalog-item", entry.itemId()));
        item.set("links", Resources.relationshipLinks(baseUrl, "catalog-variants", id, "item"));
        return resource;
    }

    List<KlaviyoCatalogVariant> views() {
        return variants.values().stream().map(entry -> {
            ObjectNode a = entry.attributes();
            return new KlaviyoCatalogVariant(entry.id(), entry.itemId(), a.path("external_id").asText(),
                    a.path("sku").asText(null), a.path("title").asText(null), decimal(a.get("price")),
                    decimal(a.get("inventory_quantity")), a.path("url").asText(null),
                    a.path("published").asBoolean(true));
        }).toList();
    }

    private static java.math.BigDecimal decimal(JsonNode value) {
        return value == null || value.isNull() ? null : value.decimalValue();
    }
}
