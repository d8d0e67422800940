package dev.nsbridge.sandbox.klaviyo;

import java.time.Instant;
import java.util.List;

/**
 * A bulk job as it stands at the sandbox clock's current time.
 *
 * @param type   the JSON:API type, e.g. {@code profile-bulk-import-job}
 * @param status {@code queued}, {@code processing} or {@code complete}
 * @param errors the items that failed, with Klaviyo's error code and detail
 */
public record KlaviyoJob(String id, String type, String status, int totalCount, int completedCount, int failedCount,
                         Instant createdAt, Instant startedAt, Instant completedAt, List<ItemError> errors) {

    /** One item a job refused; {@code pointer} points into that item's own payload. */
    public record ItemError(String code, String title, String detail, String pointer) {
    }
}
