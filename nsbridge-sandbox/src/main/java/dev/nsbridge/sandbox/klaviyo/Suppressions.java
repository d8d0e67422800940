package dev.nsbridge.sandbox.klaviyo;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Function;

/**
 * Email marketing suppressions. The suppress job adds a USER_SUPPRESSED suppression to each email it names (or to
 * every member of the list it names); the unsuppress job removes USER_SUPPRESSED suppressions and, as the spec
 * says, leaves unsubscribes, INVALID_EMAIL and HARD_BOUNCE as they are. A profile with nothing to change counts as
 * skipped. Both answer 202 with the job, up to 100 emails a request. The sandbox keeps no segments, so a segment
 * named in either job is unknown (404).
 */
final class Suppressions {
    static final String SUPPRESS_JOB = "profile-suppression-bulk-create-job";
    static final String UNSUPPRESS_JOB = "profile-suppression-bulk-delete-job";
    /** The spec: "Email address per request limit: 100". */
    static final int MAX_EMAILS_PER_CALL = 100;

    private final KlaviyoStore store;
    private final ListsAndConsent lists;
    private final Map<String, String> jobLists = new HashMap<>();

    Suppressions(KlaviyoStore store, ListsAndConsent lists) {
        this.store = store;
        this.lists = lists;
    }

    /** Marks an email suppressed, as an unsubscribe or a bounce would; an unsubscribe also ends consent. */
    String suppress(String email, SuppressionReason reason, Instant timestamp) {
        StoredProfile profile = store.profiles.findOrCreateByEmail(email, store.now());
        profile.suppressions.add(new KlaviyoSuppression(profile.id, profile.text("email"), reason, timestamp));
        if (reason == SuppressionReason.UNSUBSCRIBE || reason == SuppressionReason.SPAM_COMPLAINT) {
            profile.email.consent = "UNSUBSCRIBED";
            profile.email.lastUpdated = timestamp;
        }
        profile.updated = store.now();
        return profile.id;
    }

    /** {@code POST /api/profile-suppression-bulk-create-jobs}. */
    ApiAnswer suppressMany(ApiCall call) {
        return submit(call, SUPPRESS_JOB, profile -> {
            if (profile.suppressions.stream().anyMatch(s -> s.reason() == SuppressionReason.USER_SUPPRESSED)) {
                return JobQueue.Outcome.SKIPPED;
            }
            profile.suppressions.add(new KlaviyoSuppression(profile.id, profile.text("email"),
                    SuppressionReason.USER_SUPPRESSED, store.now()));
            profile.updated = store.now();
            return JobQueue.Outcome.wrote(profile.id);
        });
    }

    /** {@code POST /api/profile-suppression-bulk-delete-jobs}. */
    ApiAnswer unsuppressMany(ApiCall call) {
        return submit(call, UNSUPPRESS_JOB, profile -> {
            if (!profile.suppressions.removeIf(s -> s.reason() == SuppressionReason.USER_SUPPRESSED)) {
                return JobQueue.Outcome.SKIPPED;
            }
            profile.updated = store.now();
            return JobQueue.Outcome.wrote(profile.id);
        });
    }

    /** {@code GET /api/profile-suppression-bulk-create-jobs/{job_id}}. */
    ApiAnswer suppressJob(ApiCall call) {
        return job(call, SUPPRESS_JOB);
    }

    /** {@code GET /api/profile-suppression-bulk-delete-jobs/{job_id}}. */
    ApiAnswer unsuppressJob(ApiCall call) {
        return job(call, UNSUPPRESS_JOB);
    }

    private ApiAnswer submit(ApiCall call, String type, Function<StoredProfile, JobQueue.Outcome> change) {
        JsonNode data = call.body().get("data");
        JsonNode emails = data.at("/attributes/profiles/data");
        String listId = data.at("/relationships/list/data/id").asText(null);
        String segmentId = data.at("/relationships/segment/data/id").asText(null);
        if (emails.isMissingNode() || emails.isNull()) {
            emails = JsonApi.array();
        }
        if (segmentId != null) {
            throw new KlaviyoApiException(ApiError.notFound("There is no segment with id '" + segmentId + "'."));
        }
        if (listId != null) {
            lists.requireList(listId);
        }
        if (emails.isEmpty() && listId == null) {
            throw KlaviyoApiException.invalid("Name the profiles by email, or a list or segment.", "/data");
        }
        if (emails.size() > MAX_EMAILS_PER_CALL) {
            throw KlaviyoApiException.invalid("Up to 100 email addresses can be sent per call; got " + emails.size()
                    + ".", "/data/attributes/profiles/data");
        }
        List<JobQueue.Item> items = new ArrayList<>();
        for (int i = 0; i < emails.size(); i++) {
            JsonNode entry = emails.get(i);
            ProfileBook.checkIdentifiers(entry.get("attributes"),
                    "/data/attributes/profiles/data/" + i + "/attributes");
            String email = entry.at("/attributes/email").asText();
            items.add(new JobQueue.Item(entry, () -> change.apply(
                    store.profiles.findOrCreateByEmail(email, store.now()))));
        }
        if (listId != null) {
            for (String profileId : lists.members(listId).keySet()) {
                items.add(new JobQueue.Item(Resources.identifier("profile", profileId), () -> store.profiles
                        .find(profileId).map(change).orElse(JobQueue.Outcome.SKIPPED)));
            }
        }
        String jobId = store.jobs.submit(type, call.now(), items);
        if (listId != null) {
            jobLists.put(jobId, listId);
        }
        KlaviyoJob job = store.jobs.find(jobId, type).orElseThrow();
        return ApiAnswer.of(202, JsonApi.document(resource(job, call.baseUrl()), call.selfUrl() + jobId + "/"));
    }

    private ApiAnswer job(ApiCall call, String type) {
        String jobId = call.pathParam("job_id");
        KlaviyoJob job = store.jobs.find(jobId, type).orElseThrow(() -> new KlaviyoApiException(
                ApiError.notFound("There is no " + type.replace('-', ' ') + " with id '" + jobId + "'.")));
        return ApiAnswer.of(200, JsonApi.document(resource(job, call.baseUrl()), call.selfUrl()));
    }

    private ObjectNode resource(KlaviyoJob job, String baseUrl) {
        ObjectNode resource = Resources.job(job, baseUrl, Resources.JobStyle.SUPPRESSION);
        ObjectNode relationships = resource.putObject("relationships");
        ObjectNode listsRelationship = relationships.putObject("lists");
        ArrayNode listData = listsRelationship.putArray("data");
        String listId = jobLists.get(job.id());
        if (listId != null) {
            listData.add(Resources.identifier("list", listId));
        }
        listsRelationship.set("links", Resources.relationshipLinks(baseUrl, job.type() + "s", job.id(), "lists"));
        ObjectNode segments = relationships.putObject("segments");
        segments.putArray("data");
        segments.set("links", Resources.relationshipLinks(baseUrl, job.type() + "s", job.id(), "segments"));
        return resource;
    }
}
