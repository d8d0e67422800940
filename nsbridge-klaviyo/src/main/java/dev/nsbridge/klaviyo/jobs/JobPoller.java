package dev.nsbridge.klaviyo.jobs;

import dev.nsbridge.klaviyo.http.Timing;
import dev.nsbridge.spi.errors.TransientException;
import java.time.Duration;
import java.time.Instant;
import java.util.function.Supplier;

/** Polls a job until it is complete or cancelled, within {@link JobPolling}'s bounds. */
public final class JobPoller {
    private final JobPolling polling;
    private final Timing timing;

    public JobPoller(JobPolling polling, Timing timing) {
        this.polling = polling;
        this.timing = timing;
    }

    /** @throws TransientException when the job is still running after the timeout; it may finish later */
    public Job await(Supplier<Job> fetch) {
        Instant deadline = timing.clock().instant().plus(polling.timeout());
        Duration interval = polling.firstInterval();
        while (true) {
            Job job = fetch.get();
            if (job.status().finished()) {
                return job;
            }
            Instant now = timing.clock().instant();
            if (!now.plus(interval).isBefore(deadline.plusNanos(1))) {
                throw new TransientException("KLAVIYO_JOB_TIMEOUT", "Klaviyo job " + job.id() + " (" + job.type()
                        + ") is still " + job.status().name().toLowerCase(java.util.Locale.ROOT) + " after "
                        + polling.timeout() + "; " + job.completedCount() + " of " + job.totalCount() + " done",
                        polling.maxInterval(), null);
            }
            try {
                timing.sleeper().sleep(interval);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new TransientException("KLAVIYO_INTERRUPTED", "Interrupted while waiting for Klaviyo job "
                        + job.id(), null, e);
            }
            interval = polling.after(interval);
        }
    }
}
