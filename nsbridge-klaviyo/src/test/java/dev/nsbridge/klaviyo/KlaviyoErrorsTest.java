package dev.nsbridge.klaviyo;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import dev.nsbridge.klaviyo.FakeKlaviyo.Answer;
import dev.nsbridge.klaviyo.http.KlaviyoApiException;
import dev.nsbridge.klaviyo.profiles.Profile;
import dev.nsbridge.spi.errors.AuthenticationException;
import dev.nsbridge.spi.errors.ConfigurationException;
import dev.nsbridge.spi.errors.NsbridgeException;
import dev.nsbridge.spi.errors.RecordException;
import dev.nsbridge.spi.secret.Secret;
import java.net.http.HttpClient;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

final class KlaviyoErrorsTest {
    private static final String KEY = "pk_secret_1234567890abcdef";
    private FakeKlaviyo klaviyo;
    private KlaviyoClient client;

    @BeforeEach
    void start() throws Exception {
        klaviyo = new FakeKlaviyo();
        client = new KlaviyoClient(HttpClient.newHttpClient(),
                KlaviyoSettings.of(Secret.of(KEY)).withBaseUri(klaviyo.baseUri()), new FakeTime().timing());
    }

    @AfterEach
    void stop() {
        klaviyo.close();
    }

    @Test
    void shouldReportARefusedRecordWithDetailAndPointer() {
        klaviyo.enqueue(Answer.of(400, """
                {"errors":[{"id":"e1","status":400,"code":"invalid","title":"Invalid input.",
                "detail":"Invalid email address.","source":{"pointer":"/data/attributes/email"}}]}"""));

        RecordException error = catchThrowableOfType(() -> client.profiles().upsert(Profile.ofEmail("nope")),
                RecordException.class);

        assertThat(error.code()).isEqualTo("KLAVIYO_INVALID");
        assertThat(error.getMessage()).contains("Invalid email address.").contains("/data/attributes/email");
        assertThat(error.fix()).hasValueSatisfying(fix -> assertThat(fix).contains("/data/attributes/email"));
    }

    @Test
    void shouldExposeTheDuplicateProfileIdOfA409() {
        klaviyo.enqueue(Answer.of(409, """
                {"errors":[{"id":"e2","status":409,"code":"duplicate_profile","title":"Conflict.",
                "detail":"A profile already exists with one of these identifiers.","source":{"pointer":"/data/attributes"},
                "meta":{"duplicate_profile_id":"01EXISTING"}}]}"""));

        RecordException error = catchThrowableOfType(() -> client.profiles().upsert(Profile.ofEmail("a@example.com")),
                RecordException.class);

        assertThat(error.code()).isEqualTo("KLAVIYO_DUPLICATE_PROFILE");
        assertThat(KlaviyoApiException.in(error)).flatMap(KlaviyoApiException::duplicateProfileId)
                .contains("01EXISTING");
        assertThat(error.fix()).hasValueSatisfying(fix -> assertThat(fix).contains("01EXISTING"));
    }

    @Test
    void shouldNameTheScopesToGrantWhenTheKeyIsRefused() {
        klaviyo.enqueue(Answer.of(403, """
                {"errors":[{"id":"e3","status":403,"code":"permission_denied","title":"Forbidden",
                "detail":"You do not have permission to perform this action."}]}"""));

        AuthenticationException error = catchThrowableOfType(() -> client.subscriptions().subscribe("L",
                List.of(dev.nsbridge.klaviyo.lists.Subscription.email("a@example.com", null)), false),
                AuthenticationException.class);

        assertThat(error.retriable()).isFalse();
        assertThat(error.fix()).hasValueSatisfying(fix -> assertThat(fix).contains("private API key")
                .contains("lists:write").contains("profiles:write").contains("subscriptions:write"));
    }

    @Test
    void shouldSayTheV1AndV2ApiIsRetiredOn410() {
        klaviyo.enqueue(Answer.of(410, """
                {"errors":[{"id":"e4","status":410,"code":"gone","title":"Gone","detail":"This API is retired."}]}"""));

        ConfigurationException error = catchThrowableOfType(() -> client.testConnection(),
                ConfigurationException.class);

        assertThat(error.code()).isEqualTo("KLAVIYO_API_RETIRED");
        assertThat(error.getMessage()).contains("v1/v2 API").contains("retired");
    }

    @Test
    void shouldNeverPutTheKeyInAMessageOrAUrl() {
        klaviyo.enqueue(Answer.of(401, """
                {"errors":[{"id":"e5","status":401,"code":"not_authenticated","title":"Bad key",
                "detail":"Incorrect authentication credentials."}]}"""));

        NsbridgeException error = catchThrowableOfType(() -> client.testConnection(), NsbridgeException.class);

        for (Throwable cause = error; cause != null; cause = cause.getCause()) {
            assertThat(String.valueOf(cause.getMessage())).doesNotContain(KEY);
            assertThat(cause.toString()).doesNotContain(KEY);
        }
        assertThat(error.fix().orElseThrow()).doesNotContain(KEY);
        assertThat(KlaviyoSettings.of(Secret.of(KEY)).toString()).doesNotContain(KEY);
        assertThat(klaviyo.captured()).allSatisfy(request -> {
            assertThat(String.valueOf(request.rawQuery())).doesNotContain(KEY);
            assertThat(request.path()).doesNotContain(KEY);
        });
    }
}
