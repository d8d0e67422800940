package dev.nsbridge.app.server;

import dev.nsbridge.engine.schedule.CronSchedule;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

/**
 * One configured pipeline as the server lists it.
 *
 * @param name        the extract's or flow's name
 * @param kind        extract or flow
 * @param type        the flow type, or the table an extract reads
 * @param source      the connection read
 * @param destination the connection written
 * @param schedule    when it runs, if it has a schedule
 * @param enabled     whether the schedule may run it
 * @param settings    its settings as configured, secrets shown as {@code [hidden]}
 */
public record PipelineEntry(String name, Kind kind, String type, String source, String destination,
                            Optional<CronSchedule> schedule, boolean enabled, Map<String, Object> settings) {
    public PipelineEntry {
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(kind, "kind");
        Objects.requireNonNull(type, "type");
        Objects.requireNonNull(schedule, "schedule");
        settings = Map.copyOf(settings);
    }

    /** Whether it runs on a schedule at all (live or not). */
    public boolean scheduled() {
        return enabled && schedule.isPresent();
    }

    /** Extracts copy tables; flows send to Klaviyo (or back to NetSuite) and have a test phase before go-live. */
    public enum Kind {
        EXTRACT, FLOW;

        public String wireName() {
            return name().toLowerCase(Locale.ROOT);
        }
    }
}
