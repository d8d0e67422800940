package dev.nsbridge.engine.schedule;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.time.ZoneId;
import org.junit.jupiter.api.Test;

final class CronScheduleTest {
    private static final ZoneId NEW_YORK = ZoneId.of("America/New_York");

    private static Instant next(CronSchedule schedule, String after) {
        return schedule.nextAfter(Instant.parse(after)).orElseThrow();
    }

    @Test
    void shouldGiveTheNextRunInUtc() {
        CronSchedule quarterly = CronSchedule.parse("*/15 * * * *").orElseThrow();

        assertThat(quarterly.nextAfter(Instant.parse("2024-05-01T10:07:30Z")))
                .contains(Instant.parse("2024-05-01T10:15:00Z"));
        assertThat(CronSchedule.parse(" 0 3 * * 1 ").orElseThrow().expression()).isEqualTo("0 3 * * 1");
        assertThat(quarterly.zone().getId()).isEqualTo("Z");
    }

    @Test
    void shouldRefuseWhatIsNotFiveFieldCron() {
        assertThat(CronSchedule.parse("every hour")).isEmpty();
        assertThat(CronSchedule.parse("0 0 * * * *")).isEmpty();
        assertThat(CronSchedule.parse("61 * * * *")).isEmpty();
        assertThat(CronSchedule.validator().check("0 * * * *")).isEmpty();
    }

    @Test
    void shouldKeepTheSameWallClockTimeInSummerAndWinter() {
        CronSchedule sixInBerlin = CronSchedule.parse("0 6 * * *", ZoneId.of("Europe/Berlin")).orElseThrow();

        assertThat(next(sixInBerlin, "2024-01-15T00:00:00Z")).isEqualTo("2024-01-15T05:00:00Z");
        assertThat(next(sixInBerlin, "2024-07-15T00:00:00Z")).isEqualTo("2024-07-15T04:00:00Z");
        assertThat(sixInBerlin).hasToString("0 6 * * * Europe/Berlin");
    }

    @Test
    void shouldRunATimeTheClocksSkipOnceAsLateAsTheJumpOnASpringForwardDay() {
        // 2024-03-10 in New York: 02:00 EST (07:00Z) jumps to 03:00 EDT, so 02:30 does not exist that day.
        CronSchedule halfPastTwo = CronSchedule.parse("30 2 * * *", NEW_YORK).orElseThrow();

        assertThat(next(halfPastTwo, "2024-03-09T08:00:00Z")).isEqualTo("2024-03-10T07:30:00Z"); // 03:30 EDT
        assertThat(next(halfPastTwo, "2024-03-10T07:10:00Z")).isEqualTo("2024-03-10T07:30:00Z"); // asked at 03:10
        assertThat(next(halfPastTwo, "2024-03-10T07:30:00Z")).isEqualTo("2024-03-11T06:30:00Z"); // 02:30 EDT

        CronSchedule hourly = CronSchedule.parse("0 * * * *", NEW_YORK).orElseThrow();
        assertThat(next(hourly, "2024-03-10T06:30:00Z")).isEqualTo("2024-03-10T07:00:00Z");      // 03:00 EDT
        assertThat(next(hourly, "2024-03-10T07:00:00Z")).isEqualTo("2024-03-10T08:00:00Z");      // 04:00 EDT, once
    }

    @Test
    void shouldRunATimeTheClocksPassTwiceOnlyOnceOnAFallBackDay() {
        // 2024-11-03 in New York: 02:00 EDT (06:00Z) falls back to 01:00 EST, so 01:30 happens twice.
        CronSchedule halfPastOne = CronSchedule.parse("30 1 * * *", NEW_YORK).orElseThrow();

        assertThat(next(halfPastOne, "2024-11-03T04:00:00Z")).isEqualTo("2024-11-03T05:30:00Z"); // 01:30 EDT
        assertThat(next(halfPastOne, "2024-11-03T05:30:00Z")).isEqualTo("2024-11-04T06:30:00Z"); // not 01:30 EST
        assertThat(next(halfPastOne, "2024-11-03T06:10:00Z")).isEqualTo("2024-11-04T06:30:00Z"); // asked at 01:10 EST

        CronSchedule nineAm = CronSchedule.parse("0 9 * * *", NEW_YORK).orElseThrow();
        assertThat(next(nineAm, "2024-11-02T14:00:00Z")).isEqualTo("2024-11-03T14:00:00Z");      // 09:00 EST
    }

    @Test
    void shouldTellSchedulesInOtherZonesApart() {
        CronSchedule utc = CronSchedule.parse("0 6 * * *").orElseThrow();

        assertThat(utc).isNotEqualTo(utc.inZone(NEW_YORK));
        assertThat(utc.inZone(NEW_YORK)).isEqualTo(CronSchedule.parse("0 6 * * *", NEW_YORK).orElseThrow());
        assertThat(utc).hasToString("0 6 * * *");
    }
}
