package dev.nsbridge.sandbox.klaviyo;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/** Profile writes: create-or-update one profile, and the bulk import job with its import errors. */
final class Profiles {
    static final String IMPORT_JOB = "profile-bulk-import-job";
    static final int MAX_BULK_PROFILES = 10_000;
    static final int MAX_BULK_BYTES = 5 * 1024 * 1024;
    static final int MAX_PROFILE_BYTES = 100 * 1024;

    private final KlaviyoStore store;
    private final ListsAndConsent lists;

    Profiles(KlaviyoStore store, ListsAndConsent lists) {
        this.store = store;
        this.lists = lists;
    }

    /** {@code POST /api/profile-import}: 201 when created, 200 when updated; {@code null} clears a field. */
    ApiAnswer importOne(ApiCall call) {
        if (call.bodyBytes() > MAX_PROFILE_BYTES) {
            throw tooLarge("The maximum allowed payload size is 100KB.");
        }
        JsonNode data = call.body().get("data");
        String id = data.hasNonNull("id") ? data.get("id").asText() : null;
        ProfileBook.Upsert upsert = store.profiles.upsert(id, data.get("attributes"), true, call.now(),
                "/data/attributes");
        boolean withSubscriptions = String.valueOf(call.queryParam("additional-fields[profile]"))
                .contains("subscriptions");
        ObjectNode resource = Resources.profile(upsert.profile(), call.baseUrl(), withSubscriptions);
        return ApiAnswer.of(upsert.created() ? 201 : 200, JsonApi.document(resource, call.selfUrl()));
    }

    /** {@code POST /api/profile-bulk-import-jobs}: 202 with a queued job; each profile succeeds or fails alone. */
    ApiAnswer importMany(ApiCall call) {
        if (call.bodyBytes() > MAX_BULK_BYTES) {
            throw tooLarge("The maximum allowed payload size is 5MB.");
        }
        JsonNode data = call.body().get("data");
        JsonNode profiles = data.at("/attributes/profiles/data");
        if (profiles.size() > MAX_BULK_PROFILES) {
            throw KlaviyoApiException.invalid("A bulk import accepts up to 10,000 profiles; got " + profiles.size()
                    + ".", "/data/attributes/profiles/data");
        }
        List<String> listIds = new ArrayList<>();
        data.at("/relationships/lists/data").forEach(list -> listIds.add(list.get("id").asText()));
        listIds.forEach(lists::requireList);
        List<JobQueue.Item> items = new ArrayList<>();
        for (JsonNode profile : profiles) {
            items.add(new JobQueue.Item(profile, () -> importItem(profile, listIds)));
        }
        String jobId = store.jobs.submit(IMPORT_JOB, call.now(), items);
        KlaviyoJob job = store.jobs.find(jobId, IMPORT_JOB).orElseThrow();
        return ApiAnswer.of(202, JsonApi.document(Resources.job(job, call.baseUrl(), false),
                call.selfUrl() + jobId + "/"));
    }

    private Optional<KlaviyoJob.ItemError> importItem(JsonNode profile, List<String> listIds) {
        if (profile.toString().length() > MAX_PROFILE_BYTES) {
            throw KlaviyoApiException.invalid("The maximum allowed payload size per profile is 100KB.", "/data");
        }
        String id = profile.hasNonNull("id") ? profile.get("id").asText() : null;
        // Bulk import never clears a field: a null is ignored, as Klaviyo's bulk import guide says.
        StoredProfile stored = store.profiles.upsert(id, profile.get("attributes"), false, store.now(),
                "/data/attributes").profile();
        listIds.forEach(listId -> lists.addMember(listId, stored.id));
        return Optional.empty();
    }

    /** {@code GET /api/profile-bulk-import-jobs/{job_id}}. */
    ApiAnswer job(ApiCall call) {
        KlaviyoJob job = findJob(call.pathParam("job_id"));
        return ApiAnswer.of(200, JsonApi.document(Resources.job(job, call.baseUrl(), false), call.selfUrl()));
    }

    /** {@code GET /api/profile-bulk-import-jobs/{id}/import-errors}: one entry per refused profile. */
    ApiAnswer importErrors(ApiCall call) {
        String jobId = call.pathParam("id");
        findJob(jobId);
        ArrayNode data = JsonApi.array();
        for (JobQueue.Failure failure : store.jobs.failures(jobId)) {
            ObjectNode attributes = JsonApi.object();
            attributes.put("code", failure.error().code());
            attributes.put("title", failure.error().title());
            attributes.put("detail", failure.error().detail());
            attributes.set("source", JsonApi.object().put("pointer", failure.error().pointer()));
            attributes.set("original_payload", failure.payload());
            ObjectNode entry = data.addObject();
            entry.put("type", "import-error");
            entry.put("id", jobId + "-" + data.size());
            entry.set("attributes", attributes);
        }
        return ApiAnswer.of(200, JsonApi.document(data, call.selfUrl()));
    }

    private KlaviyoJob findJob(String jobId) {
        return store.jobs.find(jobId, IMPORT_JOB).orElseThrow(() -> new KlaviyoApiException(
                ApiError.notFound("There is no profile bulk import job with id '" + jobId + "'.")));
    }

    static KlaviyoApiException tooLarge(String detail) {
        return new KlaviyoApiException(new ApiError(413, "payload_too_large", "Request entity too large.", detail,
                "/data", null, java.util.Map.of()));
    }
}
