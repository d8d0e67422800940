package dev.nsbridge.klaviyo;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.nsbridge.klaviyo.jobs.Job;
import dev.nsbridge.klaviyo.jobs.JobPoller;
import dev.nsbridge.klaviyo.jobs.JobPolling;
import dev.nsbridge.klaviyo.jobs.JobStatus;
import dev.nsbridge.klaviyo.profiles.ProfileFilter;
import dev.nsbridge.spi.errors.RecordException;
import dev.nsbridge.spi.errors.TransientException;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;

final class FiltersAndJobsTest {

    @Test
    void shouldBuildTheSuppressionFilter() {
        assertThat(ProfileFilter.suppressedAfter(Instant.parse("2024-01-01T00:00:00Z")).expression())
                .isEqualTo("greater-than(subscriptions.email.marketing.suppression.timestamp,2024-01-01T00:00:00Z)");
    }

    @Test
    void shouldNotLetAHostileValueBreakTheFilterExpression() {
        assertThat(ProfileFilter.equalTo(ProfileFilter.TextField.EMAIL, "a,b)(or(x@example.com").expression())
                .isEqualTo("equals(email,\"a,b)(or(x@example.com\")");
        for (String hostile : List.of("x\"),equals(id,\"1", "x\\", "x\ny")) {
            assertThatThrownBy(() -> ProfileFilter.equalTo(ProfileFilter.TextField.EMAIL, hostile))
                    .isInstanceOf(RecordException.class);
        }
    }

    @Test
    void shouldQuoteEveryValueOfAnAnyFilterAndRefuseMoreThanKlaviyoTakes() {
        assertThat(ProfileFilter.anyOf(ProfileFilter.TextField.EXTERNAL_ID, List.of("12", "a,b)")).expression())
                .isEqualTo("any(external_id,[\"12\",\"a,b)\"])");
        assertThatThrownBy(() -> ProfileFilter.anyOf(ProfileFilter.TextField.EXTERNAL_ID, List.of("1\"]),x")))
                .isInstanceOf(RecordException.class);
        List<String> tooMany = java.util.stream.IntStream.rangeClosed(1, 101).mapToObj(String::valueOf).toList();
        assertThatThrownBy(() -> ProfileFilter.anyOf(ProfileFilter.TextField.EXTERNAL_ID, tooMany))
                .isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> ProfileFilter.anyOf(ProfileFilter.TextField.EXTERNAL_ID, List.of()))
                .isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void shouldPollWithGrowingIntervalsUntilTheJobIsComplete() {
        FakeTime time = new FakeTime();
        AtomicInteger polls = new AtomicInteger();
        JobPoller poller = new JobPoller(new JobPolling(Duration.ofSeconds(2), Duration.ofSeconds(4),
                Duration.ofMinutes(5)), time.timing());

        Job job = poller.await(() -> job(polls.incrementAndGet() < 4 ? JobStatus.PROCESSING : JobStatus.COMPLETE));

        assertThat(job.status()).isEqualTo(JobStatus.COMPLETE);
        assertThat(time.sleeps()).containsExactly(Duration.ofSeconds(2), Duration.ofSeconds(3), Duration.ofSeconds(4));
    }

    @Test
    void shouldGiveUpOnAJobThatOutlastsTheTimeout() {
        FakeTime time = new FakeTime();
        JobPoller poller = new JobPoller(new JobPolling(Duration.ofSeconds(10), Duration.ofSeconds(10),
                Duration.ofSeconds(35)), time.timing());

        assertThatThrownBy(() -> poller.await(() -> job(JobStatus.QUEUED)))
                .isInstanceOf(TransientException.class).hasMessageContaining("still queued");
        assertThat(time.slept()).isEqualTo(Duration.ofSeconds(30));
    }

    private static Job job(JobStatus status) {
        return new Job("J1", "profile-bulk-import-job", status, 2, 0, 0, Instant.EPOCH, null, null, List.of());
    }
}
