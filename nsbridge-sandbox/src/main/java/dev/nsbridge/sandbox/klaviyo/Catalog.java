package dev.nsbridge.sandbox.klaviyo;

import com.fasterxml.jackson.databind.JsonNode;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Catalog items through the catalog API's bulk create job. An item's id is {@code $custom:::$default:::<external_id>};
 * creating an item that exists already fails that item (updates go through the update job, which the sandbox
 * leaves out).
 */
final class Catalog {
    static final String CREATE_JOB = "catalog-item-bulk-create-job";
    static final int MAX_ITEMS = 100;
    static final int MAX_JOBS_IN_PROGRESS = 500;
    private static final int MAX_METADATA_BYTES = 100 * 1024;

    private final KlaviyoStore store;
    private final Map<String, KlaviyoCatalogItem> items = new LinkedHashMap<>();

    Catalog(KlaviyoStore store) {
        this.store = store;
    }

    /** {@code POST /api/catalog-item-bulk-create-jobs}: 202 with the job. */
    ApiAnswer createMany(ApiCall call) {
        if (call.bodyBytes() > Profiles.MAX_BULK_BYTES) {
            throw Profiles.tooLarge("The maximum allowed payload size is 5MB.");
        }
        JsonNode data = call.body().at("/data/attributes/items/data");
        if (data.size() > MAX_ITEMS) {
            throw KlaviyoApiException.invalid("A catalog job accepts up to 100 items; got " + data.size() + ".",
                    "/data/attributes/items/data");
        }
        if (store.jobs.inProgress(CREATE_JOB) >= MAX_JOBS_IN_PROGRESS) {
            throw new KlaviyoApiException(new ApiError(429, "throttled", "Request was throttled.",
                    "At most 500 catalog jobs may be in progress.", "/data", null, Map.of()));
        }
        List<JobQueue.Item> jobItems = new ArrayList<>();
        for (JsonNode item : data) {
            jobItems.add(new JobQueue.Item(item, () -> create(item.get("attributes"))));
        }
        String jobId = store.jobs.submit(CREATE_JOB, call.now(), jobItems);
        KlaviyoJob job = store.jobs.find(jobId, CREATE_JOB).orElseThrow();
        return ApiAnswer.of(202, JsonApi.document(Resources.job(job, call.baseUrl(), true),
                call.selfUrl() + jobId + "/"));
    }

    /** {@code GET /api/catalog-item-bulk-create-jobs/{job_id}}. */
    ApiAnswer job(ApiCall call) {
        String jobId = call.pathParam("job_id");
        KlaviyoJob job = store.jobs.find(jobId, CREATE_JOB).orElseThrow(() -> new KlaviyoApiException(
                ApiError.notFound("There is no catalog item bulk create job with id '" + jobId + "'.")));
        return ApiAnswer.of(200, JsonApi.document(Resources.job(job, call.baseUrl(), true), call.selfUrl()));
    }

    @SuppressWarnings("unchecked")
    private Optional<KlaviyoJob.ItemError> create(JsonNode attributes) {
        String externalId = attributes.get("external_id").asText();
        String id = "$custom:::$default:::" + externalId;
        if (items.containsKey(id)) {
            return Optional.of(new KlaviyoJob.ItemError("conflict", "Conflict.",
                    "A catalog item with id '" + id + "' already exists.", "/data/attributes/external_id"));
        }
        JsonNode metadata = attributes.get("custom_metadata");
        if (metadata != null && metadata.toString().length() > MAX_METADATA_BYTES) {
            return Optional.of(new KlaviyoJob.ItemError("invalid", "Invalid input.",
                    "custom_metadata may be up to 100KB.", "/data/attributes/custom_metadata"));
        }
        BigDecimal price = attributes.hasNonNull("price") ? attributes.get("price").decimalValue() : null;
        items.put(id, new KlaviyoCatalogItem(id, externalId, attributes.get("title").asText(),
                attributes.get("description").asText(), attributes.get("url").asText(), price,
                attributes.path("image_full_url").asText(null), attributes.path("published").asBoolean(true),
                metadata == null ? Map.of() : JsonApi.MAPPER.convertValue(metadata, Map.class)));
        return Optional.empty();
    }

    List<KlaviyoCatalogItem> views() {
        return List.copyOf(items.values());
    }
}
