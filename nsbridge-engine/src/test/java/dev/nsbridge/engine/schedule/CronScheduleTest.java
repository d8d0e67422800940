package dev.nsbridge.engine.schedule;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import org.junit.jupiter.api.Test;

final class CronScheduleTest {

    @Test
    void shouldGiveTheNextRunInUtc() {
        CronSchedule quarterly = CronSchedule.parse("*/15 * * * *").orElseThrow();

        assertThat(quarterly.nextAfter(Instant.parse("2024-05-01T10:07:30Z")))
                .contains(Instant.parse("2024-05-01T10:15:00Z"));
        assertThat(CronSchedule.parse(" 0 3 * * 1 ").orElseThrow().expression()).isEqualTo("0 3 * * 1");
    }

    @Test
    void shouldRefuseWhatIsNotFiveFieldCron() {
        assertThat(CronSchedule.parse("every hour")).isEmpty();
        assertThat(CronSchedule.parse("0 0 * * * *")).isEmpty();
        assertThat(CronSchedule.parse("61 * * * *")).isEmpty();
        assertThat(CronSchedule.validator().check("0 * * * *")).isEmpty();
    }
}
