package dev.nsbridge.klaviyo;

import static org.assertj.core.api.Assertions.assertThat;

import dev.nsbridge.klaviyo.FakeKlaviyo.Answer;
import dev.nsbridge.klaviyo.profiles.KlaviyoProfile;
import dev.nsbridge.klaviyo.profiles.ProfileQuery;
import dev.nsbridge.spi.secret.Secret;
import java.net.http.HttpClient;
import java.time.Instant;
import java.util.Iterator;
import java.util.List;
import org.junit.jupiter.api.Test;

final class PagingTest {

    @Test
    void shouldFollowNextLinksAcrossPagesLazilyAndOnlyToTheConfiguredHost() throws Exception {
        try (FakeKlaviyo klaviyo = new FakeKlaviyo()) {
            KlaviyoClient client = new KlaviyoClient(HttpClient.newHttpClient(),
                    KlaviyoSettings.of(Secret.of("pk_x")).withBaseUri(klaviyo.baseUri()), new FakeTime().timing());
            // Klaviyo's links carry its own host and a trailing slash; only the query is followed.
            klaviyo.enqueue(
                    Answer.of(200, CannedAnswers.profilesPage(klaviyo.baseUri(), "01A",
                            "https://elsewhere.example/api/profiles/?page%5Bcursor%5D=c2&page%5Bsize%5D=100")),
                    Answer.of(200, CannedAnswers.profilesPage(klaviyo.baseUri(), "01B",
                            "https://elsewhere.example/api/profiles/?page%5Bcursor%5D=c3&page%5Bsize%5D=100")),
                    Answer.of(200, CannedAnswers.profilesPage(klaviyo.baseUri(), "01C", null)));

            Iterator<KlaviyoProfile> profiles = client.profiles()
                    .profiles(ProfileQuery.suppressedAfter(Instant.parse("2024-01-01T00:00:00Z"))).iterator();

            assertThat(profiles.next().id()).isEqualTo("01A");
            assertThat(klaviyo.captured()).hasSize(1);
            List<String> rest = List.of(profiles.next().id(), profiles.next().id());
            assertThat(rest).containsExactly("01B", "01C");
            assertThat(profiles.hasNext()).isFalse();

            List<FakeKlaviyo.Captured> requests = klaviyo.captured();
            assertThat(requests).extracting(FakeKlaviyo.Captured::path).containsOnly("/api/profiles");
            assertThat(requests.get(0).rawQuery()).isEqualTo("filter=greater-than%28subscriptions.email.marketing."
                    + "suppression.timestamp%2C2024-01-01T00%3A00%3A00Z%29&sort=subscriptions.email.marketing."
                    + "suppression.timestamp&page%5Bsize%5D=100&additional-fields%5Bprofile%5D=subscriptions");
            assertThat(requests.get(1).rawQuery()).isEqualTo("page%5Bcursor%5D=c2&page%5Bsize%5D=100");
            assertThat(requests.get(2).rawQuery()).isEqualTo("page%5Bcursor%5D=c3&page%5Bsize%5D=100");
        }
    }

    @Test
    void shouldReadSuppressionsFromTheSubscriptionsField() throws Exception {
        try (FakeKlaviyo klaviyo = new FakeKlaviyo()) {
            KlaviyoClient client = new KlaviyoClient(HttpClient.newHttpClient(),
                    KlaviyoSettings.of(Secret.of("pk_x")).withBaseUri(klaviyo.baseUri()), new FakeTime().timing());

            KlaviyoProfile profile = client.profiles()
                    .profiles(ProfileQuery.suppressedAfter(Instant.EPOCH)).findFirst().orElseThrow();

            assertThat(profile.emailConsent()).isEqualTo("UNSUBSCRIBED");
            assertThat(profile.suppressions()).singleElement().satisfies(suppression -> {
                assertThat(suppression.reason()).isEqualTo("UNSUBSCRIBE");
                assertThat(suppression.timestamp()).isEqualTo(Instant.parse("2026-07-01T00:00:00Z"));
            });
        }
    }
}
