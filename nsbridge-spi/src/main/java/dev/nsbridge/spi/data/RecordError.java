package dev.nsbridge.spi.data;

import java.util.Objects;

/**
 * One record a destination refused (a bad email, a 409, a failed job item). The run goes on; the error is
 * stored with its payload so it can be retried or resolved later. The payload never holds a secret.
 *
 * @param recordKey the record's key at its source, e.g. a NetSuite internal id
 * @param code      a stable machine-readable reason, e.g. {@code invalid_email}
 * @param reason    what went wrong and what to fix, for a person
 * @param payload   what was (or would have been) sent, as JSON text
 */
public record RecordError(String recordKey, String code, String reason, String payload) {
    public RecordError {
        Objects.requireNonNull(recordKey, "recordKey");
        Objects.requireNonNull(code, "code");
        Objects.requireNonNull(reason, "reason");
        Objects.requireNonNull(payload, "payload");
    }
}
