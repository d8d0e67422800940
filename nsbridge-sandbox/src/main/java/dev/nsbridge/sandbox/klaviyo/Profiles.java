package dev.nsbridge.sandbox.klaviyo;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * Profile writes: create one ({@code POST /api/profiles}), update one ({@code PATCH /api/profiles/{id}}),
 * create-or-update one ({@code POST /api/profile-import}), and the bulk import job.
 */
final class Profiles {
    static final String IMPORT_JOB = "profile-bulk-import-job";
    static final int MAX_BULK_PROFILES = 10_000;
    static final int MAX_BULK_BYTES = 5 * 1024 * 1024;
    static final int MAX_PROFILE_BYTES = 100 * 1024;

    private final KlaviyoStore store;
    private final ListsAndConsent lists;
    private final Map<String, List<String>> jobLists = new HashMap<>();

    Profiles(KlaviyoStore store, ListsAndConsent lists) {
        this.store = store;
        this.lists = lists;
    }

    /** {@code POST /api/profile-import}: 201 when created, 200 when updated; {@code null} clears a field. */
    ApiAnswer importOne(ApiCall call) {
        requireSingleProfileSize(call);
        JsonNode data = call.body().get("data");
        String id = data.hasNonNull("id") ? data.get("id").asText() : null;
        ProfileBook.Upsert upsert = store.profiles.upsert(id, data.get("attributes"), true, call.now(),
                "/data/attributes");
        ObjectNode resource = Resources.profile(upsert.profile(), call.baseUrl(), ProfileExtras.of(call));
        return ApiAnswer.of(upsert.created() ? 201 : 200, JsonApi.document(resource, call.selfUrl()));
    }

    /** {@code POST /api/profiles}: 201, or 409 {@code duplicate_profile} when an identifier is taken already. */
    ApiAnswer create(ApiCall call) {
        requireSingleProfileSize(call);
        StoredProfile profile = store.profiles.create(call.body().at("/data/attributes"), call.now(),
                "/data/attributes");
        ObjectNode resource = Resources.profile(profile, call.baseUrl(), ProfileExtras.of(call));
        return ApiAnswer.of(201, JsonApi.document(resource, call.selfUrl()));
    }

    /**
     * {@code PATCH /api/profiles/{id}}: 200 with the profile. As the spec says, {@code null} clears a field and an
     * omitted field is left unchanged; {@code meta.patch_properties} appends to, removes from or unsets properties.
     */
    ApiAnswer update(ApiCall call) {
        requireSingleProfileSize(call);
        String id = call.pathParam("id");
        JsonNode data = call.body().get("data");
        JsonApiRules.requireSameId(id, data);
        store.profiles.find(id).orElseThrow(() -> new KlaviyoApiException(
                ApiError.notFound("There is no profile with id '" + id + "'.")));
        if (data.at("/meta/patch_identifiers").isObject()) {
            // Secondary email addresses are a profile feature the sandbox does not keep; say so rather than drop them.
            throw new KlaviyoApiException(new ApiError(501, "not_implemented", "Not implemented.",
                    "The sandbox does not keep secondary email addresses (meta.patch_identifiers).",
                    "/data/meta/patch_identifiers", null, Map.of()));
        }
        StoredProfile profile = store.profiles.upsert(id, data.get("attributes"), true, call.now(),
                "/data/attributes").profile();
        PropertyPatch.apply(profile, data.at("/meta/patch_properties"));
        ObjectNode resource = Resources.profile(profile, call.baseUrl(), ProfileExtras.of(call));
        return ApiAnswer.of(200, JsonApi.document(resource, call.selfUrl()));
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
        jobLists.put(jobId, List.copyOf(listIds));
        KlaviyoJob job = store.jobs.find(jobId, IMPORT_JOB).orElseThrow();
        return ApiAnswer.of(202, JsonApi.document(ProfileImportJobs.resource(job, listIds, call.baseUrl()),
                call.selfUrl() + jobId + "/"));
    }

    private JobQueue.Outcome importItem(JsonNode profile, List<String> listIds) {
        if (profile.toString().length() > MAX_PROFILE_BYTES) {
            throw KlaviyoApiException.invalid("The maximum allowed payload size per profile is 100KB.", "/data");
        }
        String id = profile.hasNonNull("id") ? profile.get("id").asText() : null;
        // Bulk import never clears a field: a null is ignored, as Klaviyo's bulk import guide says.
        StoredProfile stored = store.profiles.upsert(id, profile.get("attributes"), false, store.now(),
                "/data/attributes").profile();
        listIds.forEach(listId -> lists.addMember(listId, stored.id, store.now()));
        return JobQueue.Outcome.wrote(stored.id);
    }

    /** The lists a bulk import job adds its profiles to. */
    List<String> jobLists(String jobId) {
        return jobLists.getOrDefault(jobId, List.of());
    }

    /** The spec: "The maximum allowed payload size is 100KB" for create, update and profile-import. */
    private static void requireSingleProfileSize(ApiCall call) {
        if (call.bodyBytes() > MAX_PROFILE_BYTES) {
            throw tooLarge("The maximum allowed payload size is 100KB.");
        }
    }

    static KlaviyoApiException tooLarge(String detail) {
        return new KlaviyoApiException(new ApiError(413, "payload_too_large", "Request entity too large.", detail,
                "/data", null, java.util.Map.of()));
    }
}
