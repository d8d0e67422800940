package dev.nsbridge.klaviyo;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import dev.nsbridge.klaviyo.FakeKlaviyo.Answer;
import dev.nsbridge.spi.errors.TransientException;
import dev.nsbridge.spi.secret.Secret;
import java.net.http.HttpClient;
import java.time.Duration;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

final class RetryTest {
    private static final String BUSY = """
            {"errors":[{"id":"r","status":429,"code":"throttled","title":"Request was throttled.",
            "detail":"Request was throttled. Expected available in 7 seconds."}]}""";
    private FakeKlaviyo klaviyo;
    private FakeTime time;
    private KlaviyoClient client;

    @BeforeEach
    void start() throws Exception {
        klaviyo = new FakeKlaviyo();
        time = new FakeTime();
        client = new KlaviyoClient(HttpClient.newHttpClient(),
                KlaviyoSettings.of(Secret.of("pk_x")).withBaseUri(klaviyo.baseUri()), time.timing());
    }

    @AfterEach
    void stop() {
        klaviyo.close();
    }

    @Test
    void shouldWaitWhatRetryAfterSaysThenSucceed() {
        klaviyo.enqueue(new Answer(429, Map.of("Retry-After", "7"), BUSY));

        client.lists().lists().toList();

        assertThat(klaviyo.captured()).hasSize(2);
        assertThat(time.sleeps()).contains(Duration.ofSeconds(7));
    }

    @Test
    void shouldBackOffOnServerErrorsAndGiveUpAsTransientAfterTheLastAttempt() {
        for (int i = 0; i < 5; i++) {
            klaviyo.enqueue(Answer.of(503, null));
        }

        TransientException error = catchThrowableOfType(() -> client.lists().lists().toList(),
                TransientException.class);

        assertThat(error.code()).isEqualTo("KLAVIYO_UNAVAILABLE");
        assertThat(klaviyo.captured()).hasSize(5);
        // jitter fixed at 0.5: waits of 0.75 × 1, 2, 4, 8 seconds
        assertThat(time.sleeps()).containsExactly(Duration.ofMillis(750), Duration.ofMillis(1500),
                Duration.ofSeconds(3), Duration.ofSeconds(6));
    }

    @Test
    void shouldHandTooLongARetryAfterBackToTheCaller() {
        klaviyo.enqueue(new Answer(429, Map.of("Retry-After", "600"), BUSY));

        TransientException error = catchThrowableOfType(() -> client.testConnection(), TransientException.class);

        assertThat(error.code()).isEqualTo("KLAVIYO_RATE_LIMITED");
        assertThat(error.retryAfter()).contains(Duration.ofSeconds(600));
        assertThat(klaviyo.captured()).hasSize(1);
        assertThat(time.slept()).isZero();
    }
}
