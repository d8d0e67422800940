package dev.nsbridge.spi.data;

import java.util.Arrays;
import java.util.Locale;
import java.util.Objects;

/**
 * One record a destination refused (a bad email, a 409, a failed job item), or, as a warning, one it sent without
 * part of its data (an invalid phone left out). The run goes on; the entry is stored with its payload so it can be
 * retried or resolved later. The payload never holds a secret.
 *
 * @param recordKey the record's key at its source, e.g. a NetSuite internal id
 * @param code      a stable machine-readable reason, e.g. {@code invalid_email}
 * @param reason    what went wrong and what to fix, for a person
 * @param payload   what was (or would have been) sent, as JSON text
 * @param kind      an error (the record was not sent) or a warning (it was sent, with something left out)
 */
public record RecordError(String recordKey, String code, String reason, String payload, Kind kind) {
    public RecordError {
        Objects.requireNonNull(recordKey, "recordKey");
        Objects.requireNonNull(code, "code");
        Objects.requireNonNull(reason, "reason");
        Objects.requireNonNull(payload, "payload");
        Objects.requireNonNull(kind, "kind");
    }

    /** A refused record: an error. */
    public RecordError(String recordKey, String code, String reason, String payload) {
        this(recordKey, code, reason, payload, Kind.ERROR);
    }

    public static RecordError warning(String recordKey, String code, String reason, String payload) {
        return new RecordError(recordKey, code, reason, payload, Kind.WARNING);
    }

    public boolean isWarning() {
        return kind == Kind.WARNING;
    }

    /** Whether the record was refused or sent with a part left out. Wire values are lower case. */
    public enum Kind {
        /** Refused: not sent; it can be retried. */
        ERROR,
        /** Sent without part of its data; nothing to retry, it tells a person what to correct at the source. */
        WARNING;

        public String wireName() {
            return name().toLowerCase(Locale.ROOT);
        }

        public static Kind fromWireName(String value) {
            return Arrays.stream(values()).filter(kind -> kind.wireName().equals(value)).findFirst()
                    .orElseThrow(() -> new IllegalArgumentException("unknown kind " + value
                            + "; use error or warning"));
        }
    }
}
