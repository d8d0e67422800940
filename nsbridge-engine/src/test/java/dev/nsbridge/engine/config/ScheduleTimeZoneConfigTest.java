package dev.nsbridge.engine.config;

import static org.assertj.core.api.Assertions.assertThat;

import dev.nsbridge.engine.schedule.CronSchedule;
import java.nio.file.Path;
import java.time.ZoneId;
import org.junit.jupiter.api.Test;

final class ScheduleTimeZoneConfigTest {

    private static ConfigReport check(String yaml) {
        return new ConfigLoader(ConfigLoaderTest.REGISTRY, ConfigLoaderTest.ENVIRONMENT::get)
                .check(Path.of("nsbridge.yaml"), yaml);
    }

    @Test
    void shouldReadEachPipelinesScheduleInItsTimeZone() {
        String yaml = ConfigLoaderTest.VALID
                .replace("    destination: dwh\nflows", "    destination: dwh\n    schedule: '0 6 * * *'\n"
                        + "    timezone: Europe/Berlin\nflows")
                .replace("    destination: dwh\n    settings", "    destination: dwh\n    schedule: '*/15 * * * *'\n"
                        + "    settings");

        NsbridgeConfig config = check(yaml).orThrow();

        assertThat(config.extracts().get("orders").schedule())
                .contains(CronSchedule.parse("0 6 * * *", ZoneId.of("Europe/Berlin")).orElseThrow());
        assertThat(config.flows().get("profiles").schedule()).contains(CronSchedule.parse("*/15 * * * *")
                .orElseThrow());
    }

    @Test
    void shouldNameTheKeyTheLineAndTheFixForAnUnknownTimeZone() {
        String yaml = ConfigLoaderTest.VALID.replace("    destination: dwh\n    settings",
                "    destination: dwh\n    schedule: '0 * * * *'\n    timezone: America/New_Yrok\n    settings");

        assertThat(check(yaml).errors()).extracting(ConfigIssue::render).containsExactly("nsbridge.yaml line 20:"
                + " flows.profiles.timezone: 'America/New_Yrok' is not an IANA time zone name; did you mean"
                + " America/New_York?");
    }
}
