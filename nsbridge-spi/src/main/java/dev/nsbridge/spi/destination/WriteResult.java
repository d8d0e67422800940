package dev.nsbridge.spi.destination;

import dev.nsbridge.spi.data.RecordError;
import java.util.List;

/**
 * What one batch did: rows written, rows deleted, the records refused (the run goes on without them), the records
 * sent with a warning, and the keys of the records sent with none, whose earlier warnings no longer hold.
 *
 * @param warnings    records written without part of their data; counted in {@code written} too
 * @param sentCleanly keys of records written whole; empty where a destination keeps no warnings
 */
public record WriteResult(long written, long deleted, List<RecordError> errors, List<RecordError> warnings,
                          List<String> sentCleanly) {
    public WriteResult {
        errors = List.copyOf(errors);
        warnings = List.copyOf(warnings);
        sentCleanly = List.copyOf(sentCleanly);
        if (errors.stream().anyMatch(RecordError::isWarning) || !warnings.stream().allMatch(RecordError::isWarning)) {
            throw new IllegalArgumentException("errors and warnings are kept apart by their kind");
        }
    }

    public WriteResult(long written, long deleted, List<RecordError> errors) {
        this(written, deleted, errors, List.of(), List.of());
    }

    public static WriteResult of(long written) {
        return new WriteResult(written, 0, List.of());
    }
}
