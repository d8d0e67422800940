package dev.nsbridge.engine.store;

import dev.nsbridge.spi.data.RecordError;
import java.time.Instant;
import java.util.List;
import java.util.Optional;

/** The queue of records destinations refused, kept with their payloads to retry or resolve later. */
public interface ErrorStore {

    /** Stores a run's refused records; a record already in the queue is updated and reopened. */
    void record(String pipeline, long runId, List<RecordError> errors, Instant seenAt);

    /** Entries newest first; of one pipeline or of all when empty, of one status or of both when empty. */
    List<StoredError> list(Optional<String> pipeline, Optional<ErrorStatus> status, int limit);

    Optional<StoredError> get(long id);

    /** How many entries a pipeline has in a status. */
    long count(String pipeline, ErrorStatus status);

    /** Closes an entry: retried successfully or dismissed by a person. */
    void resolve(long id, Instant at);

    /** Counts a retry that was refused again, keeping the destination's new reason and payload. */
    void markRetried(long id, RecordError refusedAgain, Instant at);
}
