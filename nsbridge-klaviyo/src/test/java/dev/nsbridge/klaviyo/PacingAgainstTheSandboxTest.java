package dev.nsbridge.klaviyo;

import static org.assertj.core.api.Assertions.assertThat;

import dev.nsbridge.klaviyo.http.Timing;
import dev.nsbridge.klaviyo.profiles.Profile;
import dev.nsbridge.sandbox.MovableClock;
import dev.nsbridge.sandbox.klaviyo.KlaviyoSandbox;
import dev.nsbridge.sandbox.klaviyo.ReceivedRequest;
import dev.nsbridge.spi.secret.Secret;
import java.net.http.HttpClient;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

/**
 * The client against the local Klaviyo with its limits enforced, reading the headers in the form the live API sends.
 * The client's waits move the sandbox's clock, so a minute of pacing costs no minute of test.
 */
final class PacingAgainstTheSandboxTest {

    @Test
    void shouldSendAtKlaviyosPaceWithoutEarningA429() {
        try (KlaviyoSandbox sandbox = KlaviyoSandbox.start(KlaviyoSandbox.Options.defaults())) {
            MovableClock clock = sandbox.clock();
            KlaviyoClient client = new KlaviyoClient(HttpClient.newHttpClient(),
                    KlaviyoSettings.of(Secret.of(sandbox.privateApiKey())).withBaseUri(sandbox.baseUrl()),
                    new Timing(clock, clock::advance, new SplittableRandom(7)));
            String jobId = client.profileImports().submit(List.of(Profile.ofEmail("ada@example.com")), List.of())
                    .get(0).id();
            Instant start = clock.instant();

            // Job polls: 10 a second and 150 a minute. Most answers describe the burst window, the last ones of
            // each of Klaviyo's minutes the steady one.
            for (int i = 0; i < 160; i++) {
                client.profileImports().job(jobId);
            }

            assertThat(sandbox.received()).extracting(ReceivedRequest::status).doesNotContain(429);
            // 150 at the burst pace (10 per 1.25 s), then the rest once the first are 61 s old
            assertThat(Duration.between(start, clock.instant()))
                    .isBetween(Duration.ofSeconds(61), Duration.ofSeconds(66));
        }
    }
}
