package dev.nsbridge.engine.store;

import dev.nsbridge.spi.data.RecordError;
import java.time.Instant;
import java.util.Objects;
import java.util.Optional;

/**
 * A record error in the queue. One record has one entry per pipeline: when it fails again, the entry is
 * updated (latest reason and payload, last seen, attempts) rather than repeated.
 *
 * @param id         the entry's id
 * @param pipeline   the pipeline whose destination refused it
 * @param runId      the latest run that refused it
 * @param error      the record's key, the reason and the payload, as the destination last gave them
 * @param firstSeen  when it was first refused
 * @param lastSeen   when it was last refused or retried
 * @param attempts   how many times it was sent and refused, retries included
 * @param status     open or resolved
 * @param resolvedAt when it was resolved
 */
public record StoredError(long id, String pipeline, long runId, RecordError error, Instant firstSeen,
                          Instant lastSeen, int attempts, ErrorStatus status, Optional<Instant> resolvedAt) {
    public StoredError {
        Objects.requireNonNull(pipeline, "pipeline");
        Objects.requireNonNull(error, "error");
        Objects.requireNonNull(firstSeen, "firstSeen");
        Objects.requireNonNull(lastSeen, "lastSeen");
        Objects.requireNonNull(status, "status");
        Objects.requireNonNull(resolvedAt, "resolvedAt");
    }
}
