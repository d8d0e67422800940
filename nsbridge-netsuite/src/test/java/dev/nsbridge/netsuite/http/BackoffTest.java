package dev.nsbridge.netsuite.http;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.Optional;
import java.util.Random;
import org.junit.jupiter.api.Test;

final class BackoffTest {
    private final RetryPolicy policy = new RetryPolicy(8, Duration.ofSeconds(1), Duration.ofSeconds(60));

    @Test
    void shouldDoubleTheCeilingUntilTheCap() {
        Backoff backoff = new Backoff(policy, new Random(1));

        assertThat(backoff.ceiling(0)).isEqualTo(Duration.ofSeconds(1));
        assertThat(backoff.ceiling(1)).isEqualTo(Duration.ofSeconds(2));
        assertThat(backoff.ceiling(5)).isEqualTo(Duration.ofSeconds(32));
        assertThat(backoff.ceiling(6)).isEqualTo(Duration.ofSeconds(60));
        assertThat(backoff.ceiling(200)).isEqualTo(Duration.ofSeconds(60));
    }

    @Test
    void shouldDrawEveryWaitWithinZeroAndTheCeiling() {
        Backoff backoff = new Backoff(policy, new Random(42));
        for (int attempt = 0; attempt < 70; attempt++) {
            for (int draw = 0; draw < 200; draw++) {
                assertThat(backoff.delay(attempt, Optional.empty())).isBetween(Duration.ZERO, backoff.ceiling(attempt));
            }
        }
    }

    @Test
    void shouldSpreadWaitsSoThrottledReadersDoNotReturnTogether() {
        Backoff backoff = new Backoff(policy, new Random(3));
        long distinct = java.util.stream.IntStream.range(0, 50).mapToObj(i -> backoff.delay(4, Optional.empty()))
                .distinct().count();

        assertThat(distinct).isGreaterThan(40);
    }

    @Test
    void shouldPreferTheWaitTheServerAskedFor() {
        Backoff backoff = new Backoff(policy, new Random(3));

        assertThat(backoff.delay(0, Optional.of(Duration.ofSeconds(7)))).isEqualTo(Duration.ofSeconds(7));
    }

    @Test
    void shouldReadRetryAfterInSecondsOrAsADate() {
        RetryAfter retryAfter = new RetryAfter(Clock.fixed(Instant.parse("2024-05-01T10:00:00Z"), ZoneOffset.UTC));

        assertThat(retryAfter.parse("12")).contains(Duration.ofSeconds(12));
        assertThat(retryAfter.parse("Wed, 01 May 2024 10:00:30 GMT")).contains(Duration.ofSeconds(30));
        assertThat(retryAfter.parse("Wed, 01 May 2024 09:00:00 GMT")).contains(Duration.ZERO);
        assertThat(retryAfter.parse("999999")).contains(Duration.ofMinutes(15));
        assertThat(retryAfter.parse("soon")).isEmpty();
    }
}
