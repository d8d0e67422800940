package dev.nsbridge.engine.store;

import dev.nsbridge.spi.data.RecordError;
import java.time.Instant;
import java.util.Collection;
import java.util.List;
import java.util.Optional;

/**
 * The queue of records destinations refused (errors), kept with their payloads to retry or resolve later, and of
 * records they sent without part of their data (warnings). A warning has nothing to retry: it stays open until the
 * record is sent whole ({@link #clearWarnings}) or a person dismisses it ({@link #resolve}).
 */
public interface ErrorStore {

    /**
     * Stores a run's refused records and warnings; a record already in the queue is updated and reopened, taking the
     * new entry's kind (a record refused before and sent with a warning now is a warning, and the reverse).
     */
    void record(String pipeline, long runId, List<RecordError> errors, Instant seenAt);

    /** Entries newest first; of one pipeline, status and kind, or of all of each that is empty. */
    List<StoredError> list(Optional<String> pipeline, Optional<ErrorStatus> status, Optional<RecordError.Kind> kind,
                           int limit);

    /** Entries of both kinds, newest first; of one pipeline or of all when empty, of one status or of both. */
    default List<StoredError> list(Optional<String> pipeline, Optional<ErrorStatus> status, int limit) {
        return list(pipeline, status, Optional.empty(), limit);
    }

    Optional<StoredError> get(long id);

    /** How many entries of a kind a pipeline has in a status. */
    long count(String pipeline, ErrorStatus status, RecordError.Kind kind);

    /** How many record errors (not warnings) a pipeline has in a status. */
    default long count(String pipeline, ErrorStatus status) {
        return count(pipeline, status, RecordError.Kind.ERROR);
    }

    /** Closes an entry: retried successfully or dismissed by a person. */
    void resolve(long id, Instant at);

    /** Counts a retry that was refused again, keeping the destination's new reason and payload. */
    void markRetried(long id, RecordError refusedAgain, Instant at);

    /**
     * Records what a retry of an entry did: resolved when the record went through whole, an open warning when it went
     * with a part left out, still open with the new reason when refused again. Answers whether it went through.
     */
    default boolean settleRetry(StoredError entry, Optional<RecordError> answer, Instant at) {
        if (answer.isEmpty()) {
            resolve(entry.id(), at);
            return true;
        }
        if (answer.get().isWarning()) {
            record(entry.pipeline(), entry.runId(), List.of(answer.get()), at);
            return true;
        }
        markRetried(entry.id(), answer.get(), at);
        return false;
    }

    /** Resolves the open warnings of records just sent whole: what they warned about is no longer so. */
    void clearWarnings(String pipeline, Collection<String> recordKeys, Instant at);
}
