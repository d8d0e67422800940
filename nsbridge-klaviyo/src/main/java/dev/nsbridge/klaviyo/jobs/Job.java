package dev.nsbridge.klaviyo.jobs;

import com.fasterxml.jackson.databind.JsonNode;
import dev.nsbridge.klaviyo.http.JsonApi;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

/**
 * A Klaviyo bulk job as last seen.
 *
 * @param type   the JSON:API type, e.g. {@code profile-bulk-import-job}
 * @param errors item errors a catalog job lists inline; a profile import lists them at its own endpoint instead
 */
public record Job(String id, String type, JobStatus status, int totalCount, int completedCount, int failedCount,
                  Instant createdAt, Instant completedAt, Instant expiresAt, List<JobError> errors) {
    public Job {
        errors = List.copyOf(errors);
    }

    /** Reads the {@code data} of a job document. */
    public static Job from(JsonNode data) {
        JsonNode attributes = data.path("attributes");
        List<JobError> errors = new ArrayList<>();
        for (JsonNode error : attributes.path("errors")) {
            errors.add(new JobError(JsonApi.textOrNull(error.path("id")), JsonApi.textOrNull(error.path("code")),
                    JsonApi.textOrNull(error.path("title")), JsonApi.textOrNull(error.path("detail")),
                    JsonApi.textOrNull(error.path("source").path("pointer")), null));
        }
        return new Job(data.path("id").asText(), data.path("type").asText(),
                JobStatus.fromWire(attributes.path("status").asText()), attributes.path("total_count").asInt(),
                attributes.path("completed_count").asInt(), attributes.path("failed_count").asInt(),
                JsonApi.instantOrNull(attributes.path("created_at")),
                JsonApi.instantOrNull(attributes.path("completed_at")),
                JsonApi.instantOrNull(attributes.path("expires_at")), errors);
    }
}
