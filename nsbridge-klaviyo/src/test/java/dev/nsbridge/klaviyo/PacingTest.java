package dev.nsbridge.klaviyo;

import static org.assertj.core.api.Assertions.assertThat;

import dev.nsbridge.klaviyo.FakeKlaviyo.Answer;
import dev.nsbridge.klaviyo.limits.TwoWindowLimiter;
import dev.nsbridge.spi.secret.Secret;
import java.net.http.HttpClient;
import java.time.Duration;
import java.util.Map;
import org.junit.jupiter.api.Test;

final class PacingTest {

    @Test
    void shouldKeepToTheBurstWindow() {
        FakeTime time = new FakeTime();
        TwoWindowLimiter limiter = new TwoWindowLimiter(10, 150);

        acquire(limiter, time, 30);

        // 10 in each of three 1-second windows: two full waits
        assertThat(time.slept()).isEqualTo(Duration.ofSeconds(2));
    }

    @Test
    void shouldKeepToTheSteadyWindow() {
        FakeTime time = new FakeTime();
        TwoWindowLimiter limiter = new TwoWindowLimiter(10, 150);

        acquire(limiter, time, 151);

        // 150 fill the minute (14 burst waits of 1 s); the 151st waits for the next minute
        assertThat(time.slept()).isEqualTo(Duration.ofMinutes(1));
    }

    @Test
    void shouldSlowDownWhenKlaviyoReportsLessRoomThanWeCounted() {
        FakeTime time = new FakeTime();
        TwoWindowLimiter limiter = new TwoWindowLimiter(10, 150);
        acquire(limiter, time, 1);

        limiter.observe(time.instant(), 0, Duration.ofSeconds(42));
        acquire(limiter, time, 1);

        assertThat(time.slept()).isEqualTo(Duration.ofSeconds(42));
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
            // GET /api/accounts allows 1 a second
            assertThat(time.slept()).isEqualTo(Duration.ofSeconds(2));

            klaviyo.enqueue(new Answer(204, Map.of("RateLimit-Limit", "150", "RateLimit-Remaining", "0",
                    "RateLimit-Reset", "30"), null));
            client.lists().addProfiles("L", java.util.List.of("01A"));
            client.lists().addProfiles("L", java.util.List.of("01B"));
            assertThat(time.slept()).isEqualTo(Duration.ofSeconds(32));
        }
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
