package dev.nsbridge.klaviyo;

import static org.assertj.core.api.Assertions.assertThat;

import dev.nsbridge.klaviyo.FakeKlaviyo.Answer;
import dev.nsbridge.klaviyo.profiles.KlaviyoProfile;
import dev.nsbridge.klaviyo.profiles.ProfileQuery;
import dev.nsbridge.spi.secret.Secret;
import java.net.URI;
import java.net.http.HttpClient;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** Answers are read in the charset they declare, and as UTF-8 (JSON's own) when they declare none, as Klaviyo's do. */
final class AnswerCharsetTest {

    @Test
    void shouldReadAnAnswerWithNoCharsetAsUtf8() throws Exception {
        assertThat(firstNameRead("application/vnd.api+json", "Łukasz 𠮷田 😀 محمد")).isEqualTo("Łukasz 𠮷田 😀 محمد");
    }

    @Test
    void shouldReadAnAnswerInTheCharsetItDeclares() throws Exception {
        assertThat(firstNameRead("application/vnd.api+json; charset=ISO-8859-1", "José Müller"))
                .isEqualTo("José Müller");
    }

    /** One profile answered with {@code firstName}, encoded as {@code contentType} says: what the client read. */
    private static String firstNameRead(String contentType, String firstName) throws Exception {
        try (FakeKlaviyo klaviyo = new FakeKlaviyo()) {
            KlaviyoClient client = new KlaviyoClient(HttpClient.newHttpClient(),
                    KlaviyoSettings.of(Secret.of("pk_x")).withBaseUri(klaviyo.baseUri()), new FakeTime().timing());
            klaviyo.enqueue(new Answer(200, Map.of("Content-Type", contentType), page(klaviyo.baseUri(), firstName),
                    contentType.contains("ISO-8859-1") ? StandardCharsets.ISO_8859_1 : StandardCharsets.UTF_8));

            KlaviyoProfile profile = client.profiles().profiles(ProfileQuery.suppressedAfter(Instant.EPOCH))
                    .findFirst().orElseThrow();

            return profile.firstName();
        }
    }

    private static String page(URI base, String firstName) {
        return """
                {"data":[{"type":"profile","id":"01P","attributes":{"email":"someone@example.com",
                "first_name":"%s","created":"2025-01-01T00:00:00+00:00","updated":"2026-07-01T00:00:00+00:00"},
                "links":{"self":"%s/api/profiles/01P"}}],"links":{"self":"%s/api/profiles"}}"""
                .formatted(firstName, base, base);
    }
}
