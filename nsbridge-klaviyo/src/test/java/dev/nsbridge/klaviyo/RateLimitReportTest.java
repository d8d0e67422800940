package dev.nsbridge.klaviyo;

import static org.assertj.core.api.Assertions.assertThat;

import dev.nsbridge.klaviyo.limits.RateLimitReport;
import java.time.Duration;
import java.util.OptionalInt;
import org.junit.jupiter.api.Test;

/** Header values as Klaviyo sends them: the multi-window form of its live answers, and the bare count of its guide. */
final class RateLimitReportTest {

    @Test
    void shouldReadABurstWindowReportAsKlaviyoSendsIt() {
        // A bulk profile import's answer, as recorded from the live API
        RateLimitReport report = RateLimitReport.parse("10, 10;w=1, 150;w=60", "9", "0").orElseThrow();

        assertThat(report.limit()).hasValue(10);
        assertThat(report.windowSeconds()).hasValue(1);
        assertThat(report.remaining()).isEqualTo(9);
        assertThat(report.reset()).isEqualTo(Duration.ZERO);
    }

    @Test
    void shouldReadASteadyWindowReportOnceItIsTheTighter() {
        RateLimitReport report = RateLimitReport.parse("150, 10;w=1, 150;w=60", "4", "43").orElseThrow();

        assertThat(report.limit()).hasValue(150);
        assertThat(report.windowSeconds()).hasValue(60);
        assertThat(report.remaining()).isEqualTo(4);
        assertThat(report.reset()).isEqualTo(Duration.ofSeconds(43));
    }

    @Test
    void shouldReadAnEndpointWithADailyCap() {
        RateLimitReport report = RateLimitReport.parse("1, 1;w=1, 2;w=60, 225;w=86400", "0", "0").orElseThrow();

        assertThat(report.windowSeconds()).hasValue(1);
    }

    @Test
    void shouldLeaveTheWindowOfABareCountUnnamed() {
        RateLimitReport report = RateLimitReport.parse("150", "12", "42").orElseThrow();

        assertThat(report.limit()).hasValue(150);
        assertThat(report.windowSeconds()).isEmpty();
        assertThat(report.remaining()).isEqualTo(12);
    }

    @Test
    void shouldNameNoWindowWhenTheLimitIsNotOneOfThePolicies() {
        assertThat(RateLimitReport.parse("10;w=1, 150;w=60", "9", "0").orElseThrow().limit()).isEmpty();
        assertThat(RateLimitReport.parse("10;w=1, 150;w=60", "9", "0").orElseThrow().windowSeconds()).isEmpty();
        assertThat(RateLimitReport.parse("12, 10;w=1, 150;w=60", "9", "0").orElseThrow().windowSeconds()).isEmpty();
    }

    @Test
    void shouldTellTwoWindowsOfOneQuotaApartByTheReset() {
        assertThat(RateLimitReport.parse("10, 10;w=1, 10;w=60", "3", "30").orElseThrow().windowSeconds())
                .hasValue(60);
        assertThat(RateLimitReport.parse("10, 10;w=1, 10;w=60", "3", "0").orElseThrow().windowSeconds())
                .isEqualTo(OptionalInt.empty());
    }

    @Test
    void shouldSkipMembersItCannotRead() {
        RateLimitReport report = RateLimitReport.parse("10, , n/a;w=1, 150;w=abc, 10;w=1;comment=\"fixed\"", "9", "0")
                .orElseThrow();

        assertThat(report.limit()).hasValue(10);
        assertThat(report.windowSeconds()).hasValue(1);
    }

    @Test
    void shouldLearnNothingWithoutRemainingAndReset() {
        assertThat(RateLimitReport.parse("10, 10;w=1, 150;w=60", null, "0")).isEmpty();
        assertThat(RateLimitReport.parse("10, 10;w=1, 150;w=60", "9", null)).isEmpty();
        assertThat(RateLimitReport.parse("10, 10;w=1, 150;w=60", "9", "soon")).isEmpty();
        assertThat(RateLimitReport.parse("10, 10;w=1, 150;w=60", "-1", "0")).isEmpty();
    }

    @Test
    void shouldReadRemainingAndResetWithoutALimit() {
        RateLimitReport report = RateLimitReport.parse(null, " 7 ", "12").orElseThrow();

        assertThat(report.limit()).isEmpty();
        assertThat(report.remaining()).isEqualTo(7);
        assertThat(report.reset()).isEqualTo(Duration.ofSeconds(12));
    }
}
