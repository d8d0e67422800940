package dev.nsbridge.engine.config;

import dev.nsbridge.engine.schedule.CronSchedule;
import dev.nsbridge.engine.schedule.TimeZones;
import dev.nsbridge.spi.config.ConfigDef;
import dev.nsbridge.spi.config.ConfigKey;
import dev.nsbridge.spi.config.ConfigValues;
import java.util.Objects;
import java.util.Optional;

/**
 * One entry under {@code flows:}: a registered flow type between two connections, with its own
 * {@code settings:} map checked by the {@link dev.nsbridge.spi.config.ConfigDef} the flow type registered.
 *
 * @param name        the entry's name, which is also the pipeline's name
 * @param type        the registered flow type
 * @param source      the connection the flow reads
 * @param destination the connection the flow writes
 * @param schedule    when to run, in its time zone; empty for manual runs only
 * @param enabled     whether schedules run it
 * @param settings    the flow type's settings, parsed
 */
public record FlowConfig(String name, String type, String source, String destination,
                         Optional<CronSchedule> schedule, boolean enabled, ConfigValues settings) {

    /** The key holding the flow type's own settings; checked by the flow type's definition, not by {@link #DEF}. */
    public static final String SETTINGS = "settings";

    public static final ConfigKey<String> TYPE = ConfigKey.string("type",
            "The flow: one of the registered flow types. Its own keys go under settings.").required();
    public static final ConfigKey<String> SOURCE = ConfigKey.string("source",
            "The connection the flow reads from: a name under connections.").required();
    public static final ConfigKey<String> DESTINATION = ConfigKey.string("destination",
            "The connection the flow writes to: a name under connections.").required();
    public static final ConfigKey<String> SCHEDULE = ConfigKey.string("schedule",
            "When to run, as five-field cron on the clock of timezone (e.g. '*/15 * * * *'). Without one the flow"
                    + " runs only when asked.").validatedBy(CronSchedule.validator());
    public static final ConfigKey<String> TIMEZONE = ConfigKey.string("timezone",
            "The IANA time zone whose clock the schedule follows, e.g. America/New_York.")
            .withDefault(TimeZones.UTC).validatedBy(TimeZones.validator());
    public static final ConfigKey<Boolean> ENABLED = ConfigKey.bool("enabled",
            "Whether the schedule runs it; a disabled flow can still be run by hand.").withDefault(true);

    public static final ConfigDef DEF = ConfigDef.of(TYPE, SOURCE, DESTINATION, SCHEDULE, TIMEZONE, ENABLED);

    public FlowConfig {
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(type, "type");
        Objects.requireNonNull(source, "source");
        Objects.requireNonNull(destination, "destination");
        Objects.requireNonNull(schedule, "schedule");
        Objects.requireNonNull(settings, "settings");
    }

    static FlowConfig from(String name, ConfigValues values, ConfigValues settings) {
        return new FlowConfig(name, values.get(TYPE), values.get(SOURCE), values.get(DESTINATION),
                ExtractConfig.schedule(values, SCHEDULE, TIMEZONE), values.get(ENABLED), settings);
    }
}
