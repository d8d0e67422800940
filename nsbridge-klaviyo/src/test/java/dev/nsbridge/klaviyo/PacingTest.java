package dev.nsbridge.klaviyo;

import static org.assertj.core.api.Assertions.assertThat;

import dev.nsbridge.klaviyo.FakeKlaviyo.Answer;
import dev.nsbridge.klaviyo.limits.RateLimitReport;
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
    void shouldKeepToItsShareOfTheBurstWindowWhenTasksSplitTheLimits() {
        FakeTime time = new FakeTime();
        TwoWindowLimiter limiter = new TwoWindowLimiter(10, 150, 2);

        acquire(limiter, time, 15);

        // half of 10: 5 in each of three rolling windows of 1 s plus the 250 ms margin, two full waits
        assertThat(time.slept()).isEqualTo(Duration.ofMillis(2_500));
    }

    @Test
    void shouldKeepToItsShareOfTheSteadyWindowWhenTasksSplitTheLimits() {
        FakeTime time = new FakeTime();
        TwoWindowLimiter limiter = new TwoWindowLimiter(10, 150, 3);

        acquire(limiter, time, 51);

        // a third of 150: 50 fill the minute; the 51st waits until the first is 61 s old (minute plus margin)
        assertThat(time.slept()).isEqualTo(Duration.ofSeconds(61));
    }

    @Test
    void shouldSlowDownWhenKlaviyoReportsLessRoomThanWeCounted() {
        FakeTime time = new FakeTime();
        TwoWindowLimiter limiter = new TwoWindowLimiter(10, 150);
        acquire(limiter, time, 1);

        limiter.observe(time.instant(), report("150, 10;w=1, 150;w=60", "0", "42"));
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
        limiter.observe(time.instant(), report("150, 10;w=1, 150;w=60", "100", "30"));
        acquire(limiter, time, 100);
        Instant lastWithinTheirWindow = time.instant();
        acquire(limiter, time, 1);

        assertThat(lastWithinTheirWindow).isBefore(START.plusSeconds(31));
        assertThat(time.instant()).isEqualTo(START.plusSeconds(31));
    }

    @Test
    void shouldHoldOtherSendersShareOfTheBurstWindowOnlyUntilItResets() {
        FakeTime time = new FakeTime();
        TwoWindowLimiter limiter = new TwoWindowLimiter(10, 150);
        acquire(limiter, time, 1);

        // Klaviyo counted 6 in this second, we sent 1: 5 were someone else's, until the second is over
        limiter.observe(time.instant(), report("10, 10;w=1, 150;w=60", "4", "0"));
        acquire(limiter, time, 19);

        // 4 more now; 5 when their share ends (Reset 0 rounds down: up to 1 s); 5 as ours of 0 s age out (1.25 s);
        // 5 as those of 1 s do (2.25 s). The steady window, with 130 to spare, never stood in the way.
        assertThat(time.slept()).isEqualTo(Duration.ofMillis(2_250));
    }

    @Test
    void shouldLeaveAWindowItDoesNotKeepToTheRetryAfter() {
        FakeTime time = new FakeTime();
        TwoWindowLimiter limiter = new TwoWindowLimiter(10, 150);

        limiter.observe(time.instant(), report("225, 1;w=1, 2;w=60, 225;w=86400", "0", "3600"));

        assertThat(limiter.tryAcquire(time.instant())).isZero();
    }

    @Test
    void shouldIgnoreALateAnswerFromKlaviyosPreviousWindow() {
        FakeTime time = new FakeTime();
        TwoWindowLimiter limiter = new TwoWindowLimiter(10, 150);
        limiter.observe(time.instant(), report("150, 10;w=1, 150;w=60", "149", "59"));

        // Answered just before the previous window reset, read after the answer above
        limiter.observe(time.instant(), report("150, 10;w=1, 150;w=60", "0", "0"));

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

    @Test
    void shouldKeepToTheBurstPaceWhileKlaviyoDescribesItsBurstWindow() throws Exception {
        // What Klaviyo answers three bursts of 10 requests of an M-tier operation, each in a second of its own: the
        // burst window is the one with less room, so it is the one described.
        assertThat(sendThirtyAddToLists(burstWindowAnswers("10, 10;w=1, 150;w=60")))
                .isEqualTo(Duration.ofMillis(2_500));
    }

    @Test
    void shouldReadABareCountOfTheBurstLimitAsTheBurstWindow() throws Exception {
        assertThat(sendThirtyAddToLists(burstWindowAnswers("10"))).isEqualTo(Duration.ofMillis(2_500));
    }

    /** Answers to 30 requests sent 10 a second: Remaining counts down each second's burst window. */
    private static List<Answer> burstWindowAnswers(String limitHeader) {
        List<Answer> answers = new ArrayList<>();
        for (int i = 0; i < 30; i++) {
            answers.add(new Answer(204, Map.of("RateLimit-Limit", limitHeader,
                    "RateLimit-Remaining", String.valueOf(9 - i % 10), "RateLimit-Reset", "0"), null));
        }
        return answers;
    }

    /** How long the client waited to add 30 profiles to a list one request at a time (10/s, 150/min). */
    private static Duration sendThirtyAddToLists(List<Answer> answers) throws Exception {
        FakeTime time = new FakeTime();
        try (FakeKlaviyo klaviyo = new FakeKlaviyo()) {
            KlaviyoClient client = new KlaviyoClient(HttpClient.newHttpClient(),
                    KlaviyoSettings.of(Secret.of("pk_x")).withBaseUri(klaviyo.baseUri()), time.timing());
            klaviyo.enqueue(answers.toArray(Answer[]::new));

            for (int i = 0; i < answers.size(); i++) {
                client.lists().addProfiles("L", List.of("01P" + i));
            }
            // 10 in each rolling window of 1 s plus the 250 ms margin, as if no header had been read
            return time.slept();
        }
    }

    private static RateLimitReport report(String limit, String remaining, String reset) {
        return RateLimitReport.parse(limit, remaining, reset).orElseThrow();
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
