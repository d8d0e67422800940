package dev.nsbridge.app.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.OptionalLong;
import org.junit.jupiter.api.Test;

final class ProgressBarTest {

    @Test
    void shouldShowShareRateAndTimeLeftWhenTheTotalIsKnown() {
        String line = ProgressBar.render("transactionline", 250_000, OptionalLong.of(1_000_000), Duration.ofSeconds(10));

        assertThat(line).startsWith("transactionline").contains("25%").contains("250,000/1,000,000 rows")
                .contains("25,000 rows/s").contains("ETA 0:30").contains("[######..................]");
    }

    @Test
    void shouldShowRowsAndRateOnlyWhenTheTotalIsUnknown() {
        String line = ProgressBar.render("customer", 1_500, OptionalLong.empty(), Duration.ofSeconds(3));

        assertThat(line).contains("1,500 rows").contains("500 rows/s").doesNotContain("ETA").doesNotContain("%");
    }

    @Test
    void shouldDropTheEtaOnceComplete() {
        assertThat(ProgressBar.render("item", 200, OptionalLong.of(200), Duration.ofMillis(400)))
                .contains("100%").doesNotContain("ETA");
    }

    @Test
    void shouldWriteLongDurationsWithHours() {
        assertThat(ProgressBar.clock(Duration.ofSeconds(3 * 3600 + 61))).isEqualTo("3:01:01");
    }
}
