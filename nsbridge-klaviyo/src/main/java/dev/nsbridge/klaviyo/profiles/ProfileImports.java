package dev.nsbridge.klaviyo.profiles;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.nsbridge.klaviyo.http.BatchSplitter;
import dev.nsbridge.klaviyo.http.JsonApi;
import dev.nsbridge.klaviyo.http.KlaviyoHttp;
import dev.nsbridge.klaviyo.http.Pages;
import dev.nsbridge.klaviyo.http.QueryString;
import dev.nsbridge.klaviyo.jobs.Job;
import dev.nsbridge.klaviyo.jobs.JobError;
import dev.nsbridge.klaviyo.jobs.JobPoller;
import dev.nsbridge.klaviyo.limits.Operation;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;

/**
 * Bulk profile import: up to 10,000 profiles and 5 MB per job (100 KB per profile); larger inputs become several
 * jobs. Bulk import cannot clear a field; use {@link KlaviyoProfiles#upsert} for that.
 */
public final class ProfileImports {
    public static final BatchSplitter LIMITS = new BatchSplitter(10_000, BatchSplitter.FIVE_MB, 100_000);

    private final KlaviyoHttp http;
    private final JobPoller poller;
    private final BatchSplitter limits;

    public ProfileImports(KlaviyoHttp http, JobPoller poller) {
        this(http, poller, LIMITS);
    }

    /** With other limits, so a test can show splitting on a few small profiles. */
    public ProfileImports(KlaviyoHttp http, JobPoller poller, BatchSplitter limits) {
        this.http = http;
        this.poller = poller;
        this.limits = limits;
    }

    /**
     * {@code POST /api/profile-bulk-import-jobs}, once per batch.
     *
     * @param listIds lists to add every imported profile to (no consent is given); may be empty
     * @return the jobs Klaviyo queued, in input order
     */
    public List<Job> submit(List<Profile> profiles, List<String> listIds) {
        List<JsonNode> items = profiles.stream().<JsonNode>map(ProfileJson::resource).toList();
        ObjectNode envelope = envelope(JsonApi.array(), listIds);
        List<Job> jobs = new ArrayList<>();
        for (List<JsonNode> chunk : limits.split(items, JsonApi.bytes(envelope).length)) {
            ArrayNode data = JsonApi.array().addAll(chunk);
            jobs.add(Job.from(http.post(Operation.BULK_IMPORT_PROFILES, Operation.BULK_IMPORT_PROFILES.pathTemplate(),
                    envelope(data, listIds)).data()));
        }
        return jobs;
    }

    /** {@code GET /api/profile-bulk-import-jobs/{job_id}}. */
    public Job job(String jobId) {
        return Job.from(http.get(Operation.GET_BULK_IMPORT_PROFILES_JOB,
                "/api/profile-bulk-import-jobs/" + QueryString.pathSegment(jobId), QueryString.empty()).data());
    }

    /** Polls until the job is complete or cancelled. */
    public Job await(String jobId) {
        return poller.await(() -> job(jobId));
    }

    /** {@code GET …/{id}/import-errors}: the profiles the job refused, 100 a page, fetched as consumed. */
    public Stream<JobError> errors(String jobId) {
        return Pages.items(http, Operation.GET_BULK_IMPORT_PROFILES_ERRORS,
                "/api/profile-bulk-import-jobs/" + QueryString.pathSegment(jobId) + "/import-errors",
                QueryString.empty().with("page[size]", 100), ProfileImports::importError);
    }

    private static JobError importError(JsonNode data) {
        JsonNode attributes = data.path("attributes");
        JsonNode payload = attributes.path("original_payload");
        return new JobError(data.path("id").asText(), JsonApi.textOrNull(attributes.path("code")),
                JsonApi.textOrNull(attributes.path("title")), JsonApi.textOrNull(attributes.path("detail")),
                JsonApi.textOrNull(attributes.path("source").path("pointer")),
                payload.isObject() ? JsonApi.text(payload) : null);
    }

    private static ObjectNode envelope(ArrayNode profiles, List<String> listIds) {
        ObjectNode job = JsonApi.resource("profile-bulk-import-job");
        ((ObjectNode) job.get("attributes")).putObject("profiles").set("data", profiles);
        if (!listIds.isEmpty()) {
            ArrayNode lists = job.putObject("relationships").putObject("lists").putArray("data");
            listIds.forEach(id -> lists.addObject().put("type", "list").put("id", id));
        }
        return JsonApi.document(job);
    }
}
