package dev.nsbridge.flows.delivery;

import java.util.Objects;

/**
 * One request a dry run would have sent, exactly as it would have gone: for a bulk request, the item this record
 * contributes to it.
 *
 * @param pipeline  the pipeline that built it
 * @param recordKey the source record it came from, e.g. a NetSuite internal id
 * @param method    {@code POST}, {@code PATCH}…
 * @param target    the path, e.g. {@code /api/profile-bulk-import-jobs} or {@code /services/rest/record/v1/customer/42}
 * @param body      the JSON body (or bulk item); never holds a secret, since credentials travel only in headers
 */
public record DryRunPayload(String pipeline, String recordKey, String method, String target, String body) {
    public DryRunPayload {
        Objects.requireNonNull(pipeline, "pipeline");
        Objects.requireNonNull(recordKey, "recordKey");
        Objects.requireNonNull(method, "method");
        Objects.requireNonNull(target, "target");
        Objects.requireNonNull(body, "body");
    }
}
