package dev.nsbridge.engine.schedule;

import java.time.Instant;
import java.util.Locale;
import java.util.Objects;

/**
 * A scheduled time at which a pipeline did not run, and why; kept for the dashboard and logged.
 *
 * @param pipeline     the pipeline's name
 * @param scheduledFor the scheduled time that was passed over
 * @param at           when the scheduler decided
 * @param reason       why
 */
public record SkippedRun(String pipeline, Instant scheduledFor, Instant at, Reason reason) {
    public SkippedRun {
        Objects.requireNonNull(pipeline, "pipeline");
        Objects.requireNonNull(scheduledFor, "scheduledFor");
        Objects.requireNonNull(at, "at");
        Objects.requireNonNull(reason, "reason");
    }

    /** Why a scheduled time passed without a run. Wire values are lower case. */
    public enum Reason {
        /** The run this scheduler started earlier had not finished; runs never overlap and never queue. */
        STILL_RUNNING("the previous run was still going"),
        /** Another process (a run by hand, another server) held the pipeline's run lock. */
        RUNNING_ELSEWHERE("a run started elsewhere was still going"),
        /** Another server sharing the store claimed this scheduled time first and runs it. */
        CLAIMED_ELSEWHERE("another server sharing the state store claimed this time"),
        /** The run could not be handed to a thread, e.g. while shutting down. */
        REFUSED("no thread would take the run");

        private final String description;

        Reason(String description) {
            this.description = description;
        }

        public String description() {
            return description;
        }

        public String wireName() {
            return name().toLowerCase(Locale.ROOT);
        }
    }
}
