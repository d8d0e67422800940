package dev.nsbridge.engine.schedule;

import java.util.Objects;

/**
 * A pipeline as the scheduler sees it: a name, when it runs, and how to run it.
 *
 * @param name     the pipeline's name, as the run history knows it
 * @param schedule when it runs, in its own time zone
 * @param run      starts a run and returns when the run ended, e.g. {@code () -> runner.run(pipeline, options,
 *                 listener)}; interrupting its thread should stop the run, as it does for the pipeline runner
 */
public record ScheduledPipeline(String name, CronSchedule schedule, Runnable run) {
    public ScheduledPipeline {
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(schedule, "schedule");
        Objects.requireNonNull(run, "run");
    }
}
