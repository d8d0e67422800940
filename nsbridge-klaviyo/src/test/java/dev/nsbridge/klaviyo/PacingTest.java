package dev.nsbridge.klaviyo;

import static org.assertj.core.api.Assertions.assertThat;

import dev.nsbridge.klaviyo.FakeKlaviyo.Answer;
import dev.nsbridge.klaviyo.limits.TwoWindowLimiter;
import dev.nsbridge.spi.secret.Secret;
import java.net.http.HttpClient;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;

final class PacingTest {
    private static final Instant START = Instant.parse("2026-07-20T10:00:00Z");

    @Test
    void shouldKeepToTheBurstWindow() {
        FakeTime time = new FakeTime();
        TwoWindowLimiter limiter = new TwoWindowLimiter(10, 150);

        acquire(limiter, time, 30);

        // 10 in each of three rolling windows of 1 s plus the 250 ms margin: two full waits
        assertThat(time.slept()).isEqualTo(Duration.ofMillis(2_500));
    }

    @Test
    void shouldKeepToTheSteadyWindow() {
        FakeTime time = new FakeTime();
        TwoWindowLimiter limiter = new TwoWindowLimiter(10, 150);

        acquire(limiter, time, 151);

        // 150 fill the minute (14 burst waits); the 151st waits until the first is 61 s old (minute plus margin)
        assertThat(time.slept()).isEqualTo(Duration.ofSeconds(61));
    }

    @Test
    void shouldSlowDownWhenKlaviyoReportsLessRoomThanWeCounted() {
        FakeTime time = new FakeTime();
        TwoWindowLimiter limiter = new TwoWindowLimiter(10, 150);
        acquire(limiter, time, 1);

        limiter.observe(time.instant(), 0, Duration.ofSeconds(42));
        acquire(limiter, time, 1);

        // Klaviyo's window resets in 42 s; the margin covers its whole-second rounding
        assertThat(time.slept()).isEqualTo(Duration.ofSeconds(43));
    }

    @Test
    void shouldLeaveOtherIntegrationsTheirShareUntilKlaviyosWindowResets() {
        FakeTime time = new FakeTime();
        TwoWindowLimiter limiter = new TwoWindowLimiter(10, 150);
        acquire(limiter, time, 10);

        // Klaviyo counted 50 in this window, we sent 10: 40 were someone else's, until the reset in 30 s
        limiter.observe(time.instant(), 100, Duration.ofSeconds(30));
        acquire(limiter, time, 100);
        Instant lastWithinTheirWindow = time.instant();
        acquire(limiter, time, 1);

        assertThat(lastWithinTheirWindow).isBefore(START.plusSeconds(31));
        assertThat(time.instant()).isEqualTo(START.plusSeconds(31));
    }

    @Test
    void shouldIgnoreALateAnswerFromKlaviyosPreviousWindow() {
        FakeTime time = new FakeTime();
        TwoWindowLimiter limiter = new TwoWindowLimiter(10, 150);
        limiter.observe(time.instant(), 149, Duration.ofSeconds(59));

        // Answered just before the previous window reset, read after the answer above
        limiter.observe(time.instant(), 0, Duration.ofSeconds(0));

        assertThat(limiter.tryAcquire(time.instant())).isZero();
    }

    @Test
    void shouldHoldEverySenderOfTheOperationAfterA429() {
        FakeTime time = new FakeTime();
        TwoWindowLimiter limiter = new TwoWindowLimiter(10, 150);

        limiter.throttled(time.instant(), Duration.ofSeconds(7));

        assertThat(limiter.tryAcquire(time.instant())).isEqualTo(Duration.ofSeconds(7));
        time.advance(Duration.ofSeconds(7));
        assertThat(limiter.tryAcquire(time.instant())).isZero();
    }

    @Test
    void shouldNeverOverfillKlaviyosFixedWindowsWhereverTheyStart() {
        FakeTime time = new FakeTime();
        TwoWindowLimiter limiter = new TwoWindowLimiter(10, 150);
        Random random = new Random(7);
        List<Instant> arrivals = new ArrayList<>();
        Instant end = START.plus(Duration.ofMinutes(10));
        while (time.instant().isBefore(end)) {
            // Senders that are sometimes ready at once, sometimes busy building the next body
            time.advance(Duration.ofMillis(random.nextInt(4) == 0 ? random.nextInt(800) : 0));
            acquire(limiter, time, 1);
            // Klaviyo counts a request when it arrives: 20 to 220 ms after it was let through
            arrivals.add(time.instant().plusMillis(20 + random.nextInt(200)));
        }

        for (int phaseMillis = 0; phaseMillis < 60_000; phaseMillis += 50) {
            assertThat(mostInOneWindow(arrivals, 60_000, phaseMillis)).isLessThanOrEqualTo(150);
        }
        for (int phaseMillis = 0; phaseMillis < 1_000; phaseMillis += 10) {
            assertThat(mostInOneWindow(arrivals, 1_000, phaseMillis)).isLessThanOrEqualTo(10);
        }
        // ...and still sends 150 every 61 s: 98% of the steady limit
        assertThat(arrivals.size()).isGreaterThanOrEqualTo(10 * 150 * 60 / 61);
    }

    @Test
    void shouldPaceRealRequestsByTheOperationsLimits() throws Exception {
        FakeTime time = new FakeTime();
        try (FakeKlaviyo klaviyo = new FakeKlaviyo()) {
            KlaviyoClient client = new KlaviyoClient(HttpClient.newHttpClient(),
                    KlaviyoSettings.of(Secret.of("pk_x")).withBaseUri(klaviyo.baseUri()), time.timing());

            for (int i = 0; i < 3; i++) {
                client.testConnection();
            }
            // GET /api/accounts allows 1 a second: 1.25 s apart with the margin
            assertThat(time.slept()).isEqualTo(Duration.ofMillis(2_500));

            klaviyo.enqueue(new Answer(204, Map.of("RateLimit-Limit", "150", "RateLimit-Remaining", "0",
                    "RateLimit-Reset", "30"), null));
            client.lists().addProfiles("L", java.util.List.of("01A"));
            client.lists().addProfiles("L", java.util.List.of("01B"));
            // Klaviyo's window resets in 30 s, and the margin for its whole seconds
            assertThat(time.slept()).isEqualTo(Duration.ofMillis(2_500 + 31_000));
        }
    }

    /** The most requests any one fixed window of this length and phase counted. */
    private static long mostInOneWindow(List<Instant> arrivals, long windowMillis, long phaseMillis) {
        Map<Long, Long> perWindow = arrivals.stream().collect(Collectors.groupingBy(
                at -> Math.floorDiv(at.toEpochMilli() - phaseMillis, windowMillis), Collectors.counting()));
        return perWindow.values().stream().mapToLong(Long::longValue).max().orElse(0);
    }

    private static void acquire(TwoWindowLimiter limiter, FakeTime time, int requests) {
        for (int i = 0; i < requests; i++) {
            Duration wait;
            while (!(wait = limiter.tryAcquire(time.instant())).isZero()) {
                time.sleep(wait);
            }
        }
    }
}
