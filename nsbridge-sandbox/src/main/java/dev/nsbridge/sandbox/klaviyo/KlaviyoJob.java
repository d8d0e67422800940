package dev.nsbridge.sandbox.klaviyo;

import java.time.Instant;
import java.util.List;

/**
 * A bulk job as it stands at the sandbox clock's current time.
 *
 * @param type         the JSON:API type, e.g. {@code profile-bulk-import-job}
 * @param status       {@code queued}, {@code processing} or {@code complete}
 * @param skippedCount items left alone because there was nothing to do (a suppression job's {@code skipped_count})
 * @param resourceIds  the resources the job wrote so far, in item order (a profile import's profiles)
 * @param errors       the items that failed, with Klaviyo's error code and detail
 */
public record KlaviyoJob(String id, String type, String status, int totalCount, int completedCount, int failedCount,
                         int skippedCount, Instant createdAt, Instant startedAt, Instant completedAt,
                         List<String> resourceIds, List<ItemError> errors) {

    /** One item a job refused; {@code pointer} points into that item's own payload. */
    public record ItemError(String code, String title, String detail, String pointer) {
    }
}
