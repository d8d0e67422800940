package dev.nsbridge.sandbox.klaviyo;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Catalog items: create, read and update one at a time, list them by id; the bulk jobs ({@link CatalogJobs}) use
 * the same rules. An item's id is {@code $custom:::$default:::<external_id>}. The sandbox keeps no catalog
 * categories, so a category named in a write is unknown (404); variants live in {@link CatalogVariants}.
 *
 * <p>{@code custom_metadata} is, in the spec's words, a "Flat JSON blob … May not exceed 100kb": a value that is an
 * object, or a list holding objects or lists, is refused (400) wherever the item is written; lists of plain values
 * are flat enough, as Klaviyo's own example of a catalog feed's metadata carries them.
 */
final class Catalog {
    static final String ID_PREFIX = "$custom:::$default:::";
    private static final int MAX_METADATA_BYTES = 100 * 1024;
    private static final int DEFAULT_PAGE_SIZE = 100;
    private static final List<String> UPDATABLE = List.of("title", "description", "price", "url", "image_full_url",
            "image_thumbnail_url", "images", "custom_metadata", "published");

    /** An item as kept: the public view and what only the API shows. */
    private record Entry(KlaviyoCatalogItem item, String imageThumbnailUrl, List<String> images, Instant created,
                         Instant updated) {
    }

    private final KlaviyoStore store;
    private final Map<String, Entry> items = new LinkedHashMap<>();

    Catalog(KlaviyoStore store) {
        this.store = store;
    }

    /** {@code POST /api/catalog-items}: 201, or 409 when an item with that external id exists. */
    ApiAnswer createOne(ApiCall call) {
        JsonNode data = call.body().get("data");
        checkWrite(data, "/data");
        String id = create(data.get("attributes"), call.now()).orElseThrow(KlaviyoApiException::new);
        return ApiAnswer.of(201, JsonApi.document(resource(id, call.baseUrl()), call.selfUrl()));
    }

    /** {@code GET /api/catalog-items/{id}}. */
    ApiAnswer one(ApiCall call) {
        String id = call.pathParam("id");
        require(id);
        return ApiAnswer.of(200, JsonApi.document(resource(id, call.baseUrl()), call.selfUrl()));
    }

    /** {@code GET /api/catalog-items}: filtered by {@code any(ids,[…])} and {@code equals(published,…)}. */
    ApiAnswer page(ApiCall call) {
        List<String> matching = items.keySet().stream().sorted().toList();
        for (FilterTerms.Term term : FilterTerms.parse(call.queryParam("filter"))) {
            if (term.field().equals("ids") && term.operator().equals("any")) {
                java.util.Set<String> ids = java.util.Set.copyOf(term.list());
                matching = matching.stream().filter(ids::contains).toList();
            } else if (term.field().equals("published") && term.operator().equals("equals")) {
                boolean published = Boolean.parseBoolean(term.text());
                matching = matching.stream().filter(id -> items.get(id).item().published() == published).toList();
            } else {
                throw term.unsupported();
            }
        }
        return Paging.page(call, matching, DEFAULT_PAGE_SIZE, id -> resource(id, call.baseUrl()));
    }

    boolean exists(String id) {
        return items.containsKey(id);
    }

    /** Removes an item; answers the error when there is none. Its variants go with it ({@link CatalogVariants}). */
    Optional<ApiError> delete(String id) {
        return items.remove(id) == null
                ? Optional.of(ApiError.notFound("There is no catalog item with id '" + id + "'."))
                : Optional.empty();
    }

    /** {@code PATCH /api/catalog-items/{id}}: 200; a field sent as {@code null} is cleared. */
    ApiAnswer updateOne(ApiCall call) {
        String id = call.pathParam("id");
        JsonNode data = call.body().get("data");
        JsonApiRules.requireSameId(id, data);
        require(id);
        checkWrite(data, "/data");
        update(id, data.get("attributes"), call.now()).ifPresent(error -> {
            throw new KlaviyoApiException(error);
        });
        return ApiAnswer.of(200, JsonApi.document(resource(id, call.baseUrl()), call.selfUrl()));
    }

    /** Checks what a write may not carry, before anything changes: nested metadata and unknown categories. */
    static void checkWrite(JsonNode resource, String pointer) {
        JsonNode metadata = resource.at("/attributes/custom_metadata");
        if (metadata.isObject()) {
            metadata.fields().forEachRemaining(field -> {
                JsonNode value = field.getValue();
                boolean nested = value.isObject() || value.isArray() && java.util.stream.StreamSupport
                        .stream(value.spliterator(), false).anyMatch(v -> v.isContainerNode());
                if (nested) {
                    throw KlaviyoApiException.invalid("custom_metadata must be flat: '" + field.getKey()
                            + "' holds a nested value.", pointer + "/attributes/custom_metadata/" + field.getKey());
                }
            });
        }
        JsonNode categories = resource.at("/relationships/categories/data");
        if (categories.size() > 0) {
            throw new KlaviyoApiException(ApiError.notFound("There is no catalog category with id '"
                    + categories.get(0).path("id").asText() + "'."));
        }
    }

    /** Creates an item; answers its id, or the error that refused it (409 when it exists). */
    Result create(JsonNode attributes, Instant now) {
        String externalId = attributes.get("external_id").asText();
        String id = ID_PREFIX + externalId;
        if (items.containsKey(id)) {
            return Result.failed(new ApiError(409, "conflict", "Conflict.",
                    "A catalog item with id '" + id + "' already exists.", "/data/attributes/external_id", null,
                    Map.of()));
        }
        Optional<ApiError> tooLarge = metadataTooLarge(attributes.get("custom_metadata"));
        if (tooLarge.isPresent()) {
            return Result.failed(tooLarge.get());
        }
        ObjectNode merged = JsonApi.object();
        merged.put("published", true);
        merged.setAll((ObjectNode) attributes);
        items.put(id, entry(id, externalId, merged, now, now));
        return Result.of(id);
    }

    /** Updates an existing item; answers the error that refused it, if any. */
    Optional<ApiError> update(String id, JsonNode attributes, Instant now) {
        Entry existing = items.get(id);
        if (existing == null) {
            return Optional.of(ApiError.notFound("There is no catalog item with id '" + id + "'."));
        }
        Optional<ApiError> tooLarge = metadataTooLarge(attributes.get("custom_metadata"));
        if (tooLarge.isPresent()) {
            return tooLarge;
        }
        ObjectNode merged = current(existing);
        attributes.fields().forEachRemaining(field -> {
            if (UPDATABLE.contains(field.getKey())) {
                merged.set(field.getKey(), field.getValue());
            }
        });
        items.put(id, entry(id, existing.item().externalId(), merged, existing.created(), now));
        return Optional.empty();
    }

    /** An item's id, or the error that refused it. */
    record Result(String id, ApiError error) {
        static Result of(String id) {
            return new Result(id, null);
        }

        static Result failed(ApiError error) {
            return new Result(null, error);
        }

        String orElseThrow(java.util.function.Function<ApiError, KlaviyoApiException> refusal) {
            if (error != null) {
                throw refusal.apply(error);
            }
            return id;
        }
    }

    private static Optional<ApiError> metadataTooLarge(JsonNode metadata) {
        if (metadata != null && metadata.toString().length() > MAX_METADATA_BYTES) {
            return Optional.of(ApiError.invalid("custom_metadata may be up to 100KB.",
                    "/data/attributes/custom_metadata"));
        }
        return Optional.empty();
    }

    @SuppressWarnings("unchecked")
    private static Entry entry(String id, String externalId, ObjectNode attributes, Instant created,
                               Instant updated) {
        JsonNode price = attributes.get("price");
        JsonNode metadata = attributes.get("custom_metadata");
        List<String> images = new ArrayList<>();
        attributes.path("images").forEach(image -> images.add(image.asText()));
        KlaviyoCatalogItem item = new KlaviyoCatalogItem(id, externalId, text(attributes, "title"),
                text(attributes, "description"), text(attributes, "url"),
                price == null || price.isNull() ? null : price.decimalValue(), text(attributes, "image_full_url"),
                attributes.path("published").asBoolean(true),
                metadata == null || metadata.isNull() ? Map.of() : JsonApi.MAPPER.convertValue(metadata, Map.class));
        boolean noImages = attributes.path("images").isNull() || attributes.path("images").isMissingNode();
        return new Entry(item, text(attributes, "image_thumbnail_url"), noImages ? null : images, created, updated);
    }

    private static String text(JsonNode attributes, String field) {
        JsonNode value = attributes.get(field);
        return value == null || value.isNull() ? null : value.asText();
    }

    /** The item's attributes in wire form, for an update to merge into. */
    private static ObjectNode current(Entry entry) {
        KlaviyoCatalogItem item = entry.item();
        ObjectNode attributes = JsonApi.object();
        attributes.put("title", item.title());
        attributes.put("description", item.description());
        attributes.put("url", item.url());
        attributes.put("price", item.price());
        attributes.put("image_full_url", item.imageFullUrl());
        attributes.put("image_thumbnail_url", entry.imageThumbnailUrl());
        attributes.set("images", entry.images() == null ? null : JsonApi.MAPPER.valueToTree(entry.images()));
        attributes.set("custom_metadata", JsonApi.MAPPER.valueToTree(item.customMetadata()));
        attributes.put("published", item.published());
        return attributes;
    }

    void require(String id) {
        if (!items.containsKey(id)) {
            throw new KlaviyoApiException(ApiError.notFound("There is no catalog item with id '" + id + "'."));
        }
    }

    /** An item as the spec's {@code CatalogItemResponseObjectResource}. */
    ObjectNode resource(String id, String baseUrl) {
        Entry entry = items.get(id);
        KlaviyoCatalogItem item = entry.item();
        ObjectNode attributes = current(entry);
        attributes.put("external_id", item.externalId());
        attributes.put("created", JsonApi.timestamp(entry.created()));
        attributes.put("updated", JsonApi.timestamp(entry.updated()));
        ObjectNode resource = JsonApi.resource("catalog-item", id, attributes, baseUrl + "/api/catalog-items/" + id
                + "/");
        resource.putObject("relationships").putObject("variants").set("links",
                Resources.relationshipLinks(baseUrl, "catalog-items", id, "variants"));
        return resource;
    }

    List<KlaviyoCatalogItem> views() {
        return items.values().stream().map(Entry::item).toList();
    }
}
