package dev.nsbridge.sandbox.klaviyo;

import java.time.Clock;
import java.time.Instant;
import java.util.function.Supplier;

/**
 * The account's state and the one lock that guards it. Every handler and every state view runs under the lock
 * after the jobs have caught up with the clock, so a view never shows a job ahead of or behind its items.
 */
final class KlaviyoStore {
    final Ids ids;
    final ProfileBook profiles;
    final JobQueue jobs;
    private final Clock clock;

    KlaviyoStore(Ids ids, Clock clock) {
        this.ids = ids;
        this.clock = clock;
        this.profiles = new ProfileBook(ids);
        this.jobs = new JobQueue(ids);
    }

    <T> T locked(Supplier<T> work) {
        synchronized (this) {
            jobs.advance(now());
            return work.get();
        }
    }

    Instant now() {
        return clock.instant();
    }
}
