package dev.nsbridge.engine.schedule;

import java.time.Instant;
import java.util.Objects;
import java.util.Optional;

/**
 * One scheduled pipeline as a dashboard shows it.
 *
 * @param pipeline the pipeline's name
 * @param schedule when it runs, with its time zone
 * @param paused   whether a person paused it
 * @param live     whether it has gone live; only live pipelines run on a schedule
 * @param running  whether a run this scheduler started is under way
 * @param nextRun  when it will next start; empty while paused or not live, or when the schedule has no more times
 */
public record ScheduleStatus(String pipeline, CronSchedule schedule, boolean paused, boolean live, boolean running,
                             Optional<Instant> nextRun) {
    public ScheduleStatus {
        Objects.requireNonNull(pipeline, "pipeline");
        Objects.requireNonNull(schedule, "schedule");
        Objects.requireNonNull(nextRun, "nextRun");
    }
}
