package dev.nsbridge.sandbox.klaviyo;

import com.fasterxml.jackson.databind.JsonNode;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Supplier;

/**
 * Klaviyo's bulk jobs: a job waits queued, then processes its items in order at a set speed of sandbox time, and
 * completes. Progress is worked out when someone looks (each request and each state view), so moving the clock
 * moves the jobs and no thread runs in the background. Callers hold the store's lock.
 */
final class JobQueue {
    static final Duration EXPIRY = Duration.ofDays(30);

    /** One item of a job: its payload, kept for import errors, and what processing it does. */
    record Item(JsonNode payload, Supplier<Outcome> process) {
    }

    /**
     * What processing one item came to: done (with the resource it wrote, if the job reports resources), skipped
     * (nothing to do, as a suppression job counts it), or failed with an error.
     */
    record Outcome(String resourceId, boolean skipped, KlaviyoJob.ItemError error) {
        static final Outcome DONE = new Outcome(null, false, null);
        static final Outcome SKIPPED = new Outcome(null, true, null);

        static Outcome wrote(String resourceId) {
            return new Outcome(resourceId, false, null);
        }

        static Outcome failed(KlaviyoJob.ItemError error) {
            return new Outcome(null, false, error);
        }
    }

    /** A failed item with the payload Klaviyo echoes back as {@code original_payload}. */
    record Failure(KlaviyoJob.ItemError error, JsonNode payload) {
    }

    private static final class Job {
        final String id;
        final String type;
        final Instant createdAt;
        final Instant startsAt;
        final int itemsPerSecond;
        // Cleared slot by slot as items are processed: a bulk job's parsed body is tens of megabytes of tree, and
        // only a failed item needs its payload afterwards (as original_payload), which its Failure keeps.
        final Item[] items;
        final List<Failure> failures = new ArrayList<>();
        final List<String> resourceIds = new ArrayList<>();
        int processed;
        int skipped;
        boolean started;
        Instant completedAt;

        Job(String id, String type, Instant createdAt, Speed speed, Item[] items) {
            this.id = id;
            this.type = type;
            this.createdAt = createdAt;
            this.startsAt = createdAt.plus(speed.queuedFor());
            this.itemsPerSecond = speed.itemsPerSecond();
            this.items = items;
        }
    }

    private final Map<String, Job> jobs = new LinkedHashMap<>();
    private final Ids ids;
    private Speed speed = new Speed(Duration.ofSeconds(1), 1_000);
    private final Map<String, Speed> speedByType = new HashMap<>();

    JobQueue(Ids ids) {
        this.ids = ids;
    }

    /** How long a job waits queued, and how fast it then goes. */
    record Speed(Duration queuedFor, int itemsPerSecond) {
        Speed {
            if (queuedFor.isNegative() || itemsPerSecond < 1) {
                throw new IllegalArgumentException("a job is queued for zero or more time and processes at least 1/s");
            }
        }
    }

    /** The speed of every job submitted from now on, except the types given their own. */
    void speed(Duration queued, int perSecond) {
        this.speed = new Speed(queued, perSecond);
    }

    /** The speed of jobs of one type submitted from now on, such as {@code profile-subscription-bulk-create-job}. */
    void speed(String type, Duration queued, int perSecond) {
        speedByType.put(type, new Speed(queued, perSecond));
    }

    String submit(String type, Instant now, List<Item> items) {
        Job job = new Job(ids.ulid(), type, now, speedByType.getOrDefault(type, speed), items.toArray(Item[]::new));
        jobs.put(job.id, job);
        advance(now);
        return job.id;
    }

    /** Processes every item that is due by {@code now}. */
    void advance(Instant now) {
        for (Job job : jobs.values()) {
            if (job.completedAt != null || now.isBefore(job.startsAt)) {
                continue;
            }
            job.started = true;
            double seconds = Duration.between(job.startsAt, now).toMillis() / 1000.0;
            long due = Math.min(job.items.length, (long) Math.floor(seconds * job.itemsPerSecond));
            while (job.processed < due) {
                Item item = job.items[job.processed];
                job.items[job.processed++] = null;
                Outcome outcome = process(item);
                if (outcome.error() != null) {
                    job.failures.add(new Failure(outcome.error(), item.payload()));
                } else if (outcome.skipped()) {
                    job.skipped++;
                }
                if (outcome.resourceId() != null) {
                    job.resourceIds.add(outcome.resourceId());
                }
            }
            if (job.processed == job.items.length) {
                long millis = (long) Math.ceil(job.items.length * 1000.0 / job.itemsPerSecond);
                Instant finished = job.startsAt.plusMillis(millis);
                job.completedAt = finished.isAfter(now) ? now : finished;
            }
        }
    }

    /** An item refused the way a request would be becomes that item's error; the job goes on. */
    private static Outcome process(Item item) {
        try {
            return item.process().get();
        } catch (KlaviyoApiException refused) {
            ApiError error = refused.errors().get(0);
            return Outcome.failed(new KlaviyoJob.ItemError(error.code(), error.title(), error.detail(),
                    error.pointer() == null ? "/data" : error.pointer()));
        }
    }

    Optional<KlaviyoJob> find(String id, String type) {
        Job job = jobs.get(id);
        return job == null || !job.type.equals(type) ? Optional.empty() : Optional.of(view(job));
    }

    List<Failure> failures(String id) {
        Job job = jobs.get(id);
        return job == null ? List.of() : List.copyOf(job.failures);
    }

    List<KlaviyoJob> all() {
        return jobs.values().stream().map(JobQueue::view).toList();
    }

    /** Every job of one type, oldest first. */
    List<KlaviyoJob> all(String type) {
        return jobs.values().stream().filter(job -> job.type.equals(type)).map(JobQueue::view).toList();
    }

    long inProgress(String type) {
        return jobs.values().stream().filter(job -> job.type.equals(type) && job.completedAt == null).count();
    }

    private static KlaviyoJob view(Job job) {
        String status = job.completedAt != null ? "complete" : job.started ? "processing" : "queued";
        Instant started = job.started ? job.startsAt : null;
        int failed = job.failures.size();
        return new KlaviyoJob(job.id, job.type, status, job.items.length, job.processed - failed - job.skipped,
                failed, job.skipped, job.createdAt, started, job.completedAt, List.copyOf(job.resourceIds),
                job.failures.stream().map(Failure::error).toList());
    }
}
