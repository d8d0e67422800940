package dev.nsbridge.spi.destination;

import dev.nsbridge.spi.data.RecordError;
import java.util.List;

/** What one batch did: rows written, rows deleted, and the records refused (the run goes on without them). */
public record WriteResult(long written, long deleted, List<RecordError> errors) {
    public WriteResult {
        errors = List.copyOf(errors);
    }

    public static WriteResult of(long written) {
        return new WriteResult(written, 0, List.of());
    }
}
